//! Test support: a loopback HTTP server and an independent SigV4 verifier.
