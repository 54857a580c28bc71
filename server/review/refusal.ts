/**
 * A review write refused for a reason the person can act on: the route answers with `status`
 * and this sentence, and nothing was written (it is thrown inside the transaction).
 */
export class ReviewRefusal extends Error {
  override readonly name = "ReviewRefusal";
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 503,
    message: string,
  ) {
    super(message);
  }
}
