/** Credentials and region the test settings and the fake AWS endpoint share. */
export const FAKE_AWS = {
  region: "eu-west-1",
  accessKeyId: "AKIDFOYERTEST00000",
  secretAccessKey: "foyer-test-secret-key-0123456789",
} as const;
