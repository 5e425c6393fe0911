import type { Config } from "../config";
import { AwsApi } from "../providers/aws/client";
import { Chime } from "../providers/aws/chime";
import { Ivs } from "../providers/aws/ivs";

/** The typed AWS services, or undefined when MEDIA_PROVIDER=local. */
export interface MediaAws {
  ivs: Ivs;
  chime: Chime;
  region: string;
}

export function mediaAws(config: Config): MediaAws | undefined {
  if (config.media !== "aws" || !config.aws) return undefined;
  const api = new AwsApi(config.aws);
  return { ivs: new Ivs(api), chime: new Chime(api), region: config.aws.region };
}
