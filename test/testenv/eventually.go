package testenv

import (
	"fmt"
	"testing"
	"time"
)

// Eventually calls cond every tick until it returns true and fails the test
// with the message msgAndArgs formats when that has not happened within
// timeout. Unlike testify's require.Eventually it calls cond on the test's
// own goroutine, so cond may use helpers that stop the test, and never runs
// two calls at once.
func Eventually(t testing.TB, timeout, tick time.Duration, cond func() bool, msgAndArgs ...any) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not true within %s: %s", timeout, message(msgAndArgs))
		}
		time.Sleep(tick)
	}
}

func message(msgAndArgs []any) string {
	if len(msgAndArgs) == 0 {
		return "condition"
	}
	if format, ok := msgAndArgs[0].(string); ok {
		return fmt.Sprintf(format, msgAndArgs[1:]...)
	}
	return fmt.Sprint(msgAndArgs...)
}
