import { Refusal } from "../refusal";

/** A version request refused (name, restore): see server/refusal.ts. */
export class VersionRefusal extends Refusal {
  override readonly name = "VersionRefusal";
}
