/**
 * The vocabulary a field declaration (fields.ts) uses for its value: grammar, limits and inner defaults as plain
 * data, without zod. lib/spec.ts compiles these into the zod schema when the engine loads; the page reads the same
 * data at first load without carrying zod. Each builder also carries the value's TypeScript types (output, and the
 * input the schema accepts), so the spec's types are derived from the declarations too.
 */
import type { VariantId } from "../knowledge/python-images";

export type ValueDesc =
  /** One of `options` (an enum); `message` replaces the generic one. */
  | { readonly kind: "choice"; readonly options: readonly string[]; readonly message?: string }
  /** An image variant: known, and not refused (lib/knowledge/python-images). */
  | { readonly kind: "variant" }
  /** A string: at most `max` characters (checked first), matching `pattern`, at least `min` characters. */
  | {
      readonly kind: "text";
      readonly pattern: RegExp;
      readonly message: string;
      readonly max?: number;
      readonly maxMessage?: string;
      readonly min?: number;
      readonly minMessage?: string;
    }
  | { readonly kind: "bool" }
  | { readonly kind: "int"; readonly min: number; readonly max: number }
  | { readonly kind: "nullable"; readonly of: ValueDesc }
  | { readonly kind: "optional"; readonly of: ValueDesc }
  /** `of`, or `value` when the input leaves it out. */
  | { readonly kind: "default"; readonly of: ValueDesc; readonly value: unknown }
  | { readonly kind: "list"; readonly of: ValueDesc; readonly max: number; readonly message?: string; readonly min?: number; readonly minMessage?: string }
  | { readonly kind: "object"; readonly shape: Readonly<Record<string, ValueDesc>> };

/** A value descriptor with its types: `O` what a valid spec holds, `I` what the schema accepts. */
export type Value<O, I = O> = ValueDesc & { readonly _types?: { out: O; in: I } };
export type AnyValue = Value<unknown, unknown>;
export type OutOf<V> = V extends { readonly _types?: infer T } ? (T extends { out: infer O } ? O : never) : never;
export type InOf<V> = V extends { readonly _types?: infer T } ? (T extends { in: infer I } ? I : never) : never;

type Flat<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<S, Of extends "out" | "in"> = {
  [K in keyof S]: undefined extends (Of extends "out" ? OutOf<S[K]> : InOf<S[K]>) ? K : never;
}[keyof S];
type ObjectOf<S, Of extends "out" | "in"> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S, Of>>]: Of extends "out" ? OutOf<S[K]> : InOf<S[K]> } & {
    [K in OptionalKeys<S, Of>]?: Of extends "out" ? OutOf<S[K]> : InOf<S[K]>;
  }
>;

export const choice = <const T extends readonly string[]>(options: T, message?: string): Value<T[number]> => ({ kind: "choice", options, message });
export const variant = (): Value<VariantId, string> => ({ kind: "variant" });
export const text = (pattern: RegExp, message: string, limits: { max?: number; maxMessage?: string; min?: number; minMessage?: string } = {}): Value<string> => ({
  kind: "text",
  pattern,
  message,
  ...limits,
});
export const bool = (): Value<boolean> => ({ kind: "bool" });
export const int = (min: number, max: number): Value<number> => ({ kind: "int", min, max });
export const nullable = <O, I>(of: Value<O, I>): Value<O | null, I | null> => ({ kind: "nullable", of });
export const optional = <O, I>(of: Value<O, I>): Value<O | undefined, I | undefined> => ({ kind: "optional", of });
export const withDefault = <O, I>(of: Value<O, I>, value: NoInfer<O>): Value<O, I | undefined> => ({ kind: "default", of, value });
export const list = <O, I>(of: Value<O, I>, max: number, message?: string, least?: { min: number; message: string }): Value<O[], I[]> => ({
  kind: "list",
  of,
  max,
  message,
  ...(least ? { min: least.min, minMessage: least.message } : {}),
});
export const object = <const S extends Record<string, AnyValue>>(shape: S): Value<ObjectOf<S, "out">, ObjectOf<S, "in">> => ({ kind: "object", shape });
