package testenv

import (
	"os"
	"testing"
)

// RedisURLVar names the variable that points tests at a Redis server.
const RedisURLVar = "PARLEY_TEST_REDIS_URL"

// RedisURL returns PARLEY_TEST_REDIS_URL. When it is unset the test is
// skipped, unless CI is set: then the Redis lane is required and the test
// fails.
func RedisURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(RedisURLVar)
	if u == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set but CI is: the Redis lane is required", RedisURLVar)
		}
		t.Skipf("%s not set: skipping the Redis lane", RedisURLVar)
	}
	return u
}
