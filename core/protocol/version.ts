/**
 * The protocol version a client announces in hello. A leaf module (no imports) so plain-Node
 * tools such as the benchmark can load it without a bundler.
 */
export const PROTOCOL_VERSION = 1;
