package testenv

import (
	"os"
	"testing"
)

// lane returns the value of the variable that points tests at a backing
// service. When it is unset the test is skipped, unless CI is set: in CI
// every lane is required, so the test fails instead.
func lane(t testing.TB, variable, service string) string {
	t.Helper()
	u := os.Getenv(variable)
	if u == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set but CI is: the %s lane is required", variable, service)
		}
		t.Skipf("%s not set: skipping the %s lane", variable, service)
	}
	return u
}
