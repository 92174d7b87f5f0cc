/** Every rule, in the order findings are reported for the same line. */
import { aptLists } from "./apt-lists";
import { aptRecommends } from "./apt-recommends";
import { argScope } from "./arg-scope";
import { commandInstalled } from "./command-installed";
import { consoleScriptsCopied } from "./console-scripts-copied";
import { eolImage } from "./eol-image";
import { exposePort } from "./expose-port";
import { finalBuildTools } from "./final-build-tools";
import { gdalPinned } from "./gdal-pinned";
import { healthcheckTool } from "./healthcheck-tool";
import { imageTag } from "./image-tag";
import { pipCache } from "./pip-cache";
import { readableByUser } from "./readable-by-user";
import { rootUser } from "./root-user";
import { runtimeLibs } from "./runtime-libs";
import { secretsInEnv } from "./secrets-in-env";
import { shellFormCmd } from "./shell-form-cmd";
import type { Rule } from "./types";
import { venvPython } from "./venv-python";

export const RULES: readonly Rule[] = [
  commandInstalled,
  consoleScriptsCopied,
  venvPython,
  runtimeLibs,
  healthcheckTool,
  argScope,
  secretsInEnv,
  gdalPinned,
  exposePort,
  readableByUser,
  finalBuildTools,
  rootUser,
  imageTag,
  eolImage,
  aptRecommends,
  aptLists,
  pipCache,
  shellFormCmd,
];
