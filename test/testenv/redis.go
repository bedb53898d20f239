package testenv

import "testing"

// RedisURLVar names the variable that points tests at a Redis server.
const RedisURLVar = "PARLEY_TEST_REDIS_URL"

// RedisURL returns PARLEY_TEST_REDIS_URL. When it is unset the test is
// skipped, unless CI is set: then the Redis lane is required and the test
// fails.
func RedisURL(t testing.TB) string {
	t.Helper()
	return lane(t, RedisURLVar, "Redis")
}
