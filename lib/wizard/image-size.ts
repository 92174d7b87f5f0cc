import { IMAGE_SIZE_FACTS, imageTag, type ImageSizeFact, type VariantId } from "../knowledge/python-images";

/** The measured size of exactly this image tag, when someone published one. */
export function sizeFactFor(python: string, variant: VariantId): ImageSizeFact | undefined {
  const tag = imageTag(python, variant);
  return IMAGE_SIZE_FACTS.find((f) => f.image === tag);
}
