import { Refusal } from "../refusal";

/** A review write refused (comments, suggestions, status): see server/refusal.ts. */
export class ReviewRefusal extends Refusal {
  override readonly name = "ReviewRefusal";
}
