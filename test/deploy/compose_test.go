package deploy_test

import (
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/stretchr/testify/require"
)

// loadCompose loads docker-compose.yml as `docker compose` would, with an
// empty environment so the file's own defaults apply.
func loadCompose(t *testing.T) *types.Project {
	t.Helper()
	root, err := filepath.Abs(repoPath())
	require.NoError(t, err)
	opts, err := cli.NewProjectOptions(
		[]string{filepath.Join(root, "docker-compose.yml")},
		cli.WithWorkingDirectory(root),
		cli.WithEnv([]string{}),
	)
	require.NoError(t, err)
	project, err := opts.LoadProject(t.Context())
	require.NoError(t, err)
	return project
}

// service returns the named compose service.
func service(t *testing.T, p *types.Project, name string) types.ServiceConfig {
	t.Helper()
	s, ok := p.Services[name]
	require.Truef(t, ok, "service %s missing", name)
	return s
}

func TestCompose(t *testing.T) {
	p := loadCompose(t)
	parley := service(t, p, "parley")

	t.Run("every_service_has_a_health_check", func(t *testing.T) {
		for _, name := range []string{"parley", "postgres", "redis"} {
			hc := service(t, p, name).HealthCheck
			require.NotNilf(t, hc, "%s health check", name)
			require.False(t, hc.Disable)
			require.NotEmpty(t, hc.Test)
			require.NotNil(t, hc.Timeout, "%s: a hanging check must time out", name)
		}
	})

	t.Run("parley_checks_itself_with_the_binary", func(t *testing.T) {
		// Exec form: the image has no shell to run a CMD-SHELL string.
		require.Equal(t, types.HealthCheckTest(append([]string{"CMD"}, healthcheckArgv...)), parley.HealthCheck.Test)
	})

	t.Run("parley_waits_for_healthy_backing_services", func(t *testing.T) {
		for _, name := range []string{"postgres", "redis"} {
			dep, ok := parley.DependsOn[name]
			require.Truef(t, ok, "parley does not depend on %s", name)
			require.Equal(t, types.ServiceConditionHealthy, dep.Condition)
		}
	})

	t.Run("parley_is_built_from_the_repository", func(t *testing.T) {
		require.NotNil(t, parley.Build)
		_, err := os.Stat(filepath.Join(parley.Build.Context, "Dockerfile"))
		require.NoError(t, err)
	})

	t.Run("parley_publishes_its_listen_port", func(t *testing.T) {
		require.Len(t, parley.Ports, 1)
		require.Equal(t, defaultPort(t), strconv.Itoa(int(parley.Ports[0].Target)))
		require.Equal(t, defaultPort(t), parley.Ports[0].Published)
	})

	t.Run("parley_sets_only_variables_config_reads", func(t *testing.T) {
		names := make([]string, 0, len(parley.Environment))
		for name := range parley.Environment {
			names = append(names, name)
		}
		requireKnownVariables(t, names)
	})

	t.Run("parley_environment_is_a_valid_configuration", func(t *testing.T) {
		env := map[string]string{}
		for name, value := range parley.Environment {
			require.NotNilf(t, value, "%s has no value", name)
			env[name] = *value
		}
		cfg := requireLoads(t, env)
		require.False(t, cfg.JWTSecretGenerated)

		db, err := url.Parse(cfg.DatabaseURL)
		require.NoError(t, err)
		require.Equal(t, "postgres", db.Hostname())
		pg := service(t, p, "postgres").Environment
		password, _ := db.User.Password()
		require.Equal(t, *pg["POSTGRES_USER"], db.User.Username())
		require.Equal(t, *pg["POSTGRES_PASSWORD"], password)
		require.Equal(t, "/"+*pg["POSTGRES_DB"], db.Path)

		redis, err := url.Parse(cfg.RedisURL)
		require.NoError(t, err)
		require.Equal(t, "redis", redis.Hostname())
	})

	t.Run("postgres_keeps_its_data_in_a_named_volume", func(t *testing.T) {
		volumes := service(t, p, "postgres").Volumes
		require.Len(t, volumes, 1)
		require.Equal(t, types.VolumeTypeVolume, volumes[0].Type)
		require.Contains(t, p.Volumes, volumes[0].Source)
	})
}
