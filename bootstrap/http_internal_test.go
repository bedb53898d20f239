package bootstrap

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/config"
)

func TestServerConfigBoundsEveryPhase(t *testing.T) {
	cfg, err := config.Load(map[string]string{"PARLEY_HTTP_ADDR": "127.0.0.1:9999"})
	require.NoError(t, err)
	sc := serverConfig(cfg)
	require.Equal(t, "127.0.0.1:9999", sc.Addr)
	require.Positive(t, sc.ReadHeaderTimeout)
	require.Positive(t, sc.ReadTimeout)
	require.Positive(t, sc.WriteTimeout)
	require.Positive(t, sc.IdleTimeout)
	require.Positive(t, sc.MaxHeaderBytes)
	require.LessOrEqual(t, sc.ReadHeaderTimeout, sc.ReadTimeout)
	require.Less(t, requestTimeout, sc.WriteTimeout, "a request cut off by its deadline must still be answered")
}
