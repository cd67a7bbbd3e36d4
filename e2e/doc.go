// Package e2e holds the tests that build factquiz and run it as a
// process, as an operator would: kill -9 and SIGTERM under load, a full
// disk, a PostgreSQL restart (faults_test.go), two instances on one
// PostgreSQL database (instances_test.go), HTTPS (tls_test.go), and
// attacks measured by the server's memory (hardening_test.go). Each
// test builds the binary from the tree as it is, so that it runs the
// code under test; the package itself has no code.
package e2e
