/** The values of field `F` that more than one item of the tuple `L` has. */
type Repeated<L extends readonly unknown[], F extends string, Seen extends string = never> = L extends readonly [
  infer H extends { readonly [P in F]: string },
  ...infer T,
]
  ? (H[F] & Seen) | Repeated<T, F, Seen | H[F]>
  : never;

/**
 * `unknown` when every item of the tuple `L` has its own `F`; otherwise a type that names what
 * is listed twice, which the list then fails to match: a parameter typed `L & ListedOnce<L, "key">`
 * refuses a repeated key at compile time.
 */
export type ListedOnce<L extends readonly unknown[], F extends string> = [Repeated<L, F>] extends [never]
  ? unknown
  : { [P in `${F} listed twice`]: Repeated<L, F> };
