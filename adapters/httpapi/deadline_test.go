package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
)

func TestRequestDeadline(t *testing.T) {
	api := newTestAPI(t)
	cases := []struct {
		name    string
		timeout time.Duration
		want    time.Duration
	}{
		{"default", 0, DefaultRequestTimeout},
		{"configured", 80 * time.Millisecond, 80 * time.Millisecond},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			engine, err := NewRouter(api.uc(t), RouterConfig{CursorSecret: []byte("s"), RequestTimeout: tc.timeout},
				NewReadiness(nil), zap.NewNop())
			require.NoError(t, err)
			var left time.Duration
			engine.GET("/api/v1/wait", func(c *gin.Context) {
				deadline, ok := c.Request.Context().Deadline()
				require.True(t, ok, "the request context has no deadline")
				left = time.Until(deadline)
				if tc.timeout == 0 {
					writeNoContent(c)
					return
				}
				// Stands for a database call that honours its context.
				<-c.Request.Context().Done()
				abortWithError(c, zap.NewNop(), c.Request.Context().Err())
			})
			start := time.Now()
			rec := httptest.NewRecorder()
			engine.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/wait", nil))
			require.LessOrEqual(t, left, tc.want)
			require.Greater(t, left, tc.want-time.Second)
			if tc.timeout > 0 {
				require.Equal(t, http.StatusServiceUnavailable, rec.Code, rec.Body.String())
				require.Contains(t, rec.Body.String(), codeServiceUnavailable)
				require.Less(t, time.Since(start), 2*time.Second)
			}
		})
	}
}
