package deploy_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

// serverContainer returns the Deployment's only container.
func serverContainer(t *testing.T, m manifests) corev1.Container {
	t.Helper()
	containers := m.deployment.Spec.Template.Spec.Containers
	require.Len(t, containers, 1)
	return containers[0]
}

func TestDeployment(t *testing.T) {
	m := loadManifests(t)
	pod := m.deployment.Spec.Template.Spec
	c := serverContainer(t, m)

	t.Run("runs_two_replicas", func(t *testing.T) {
		require.NotNil(t, m.deployment.Spec.Replicas)
		require.EqualValues(t, 2, *m.deployment.Spec.Replicas)
	})

	t.Run("probes_hit_health_routes_on_the_http_port", func(t *testing.T) {
		require.Len(t, c.Ports, 2, "http and metrics")
		require.Equal(t, "http", c.Ports[0].Name)
		require.Equal(t, defaultPort(t), strconv.Itoa(int(c.Ports[0].ContainerPort)))
		for path, probe := range map[string]*corev1.Probe{"/healthz": c.LivenessProbe, "/readyz": c.ReadinessProbe} {
			require.NotNilf(t, probe, "probe for %s", path)
			require.NotNil(t, probe.HTTPGet)
			require.Equal(t, path, probe.HTTPGet.Path)
			require.Equal(t, "http", probe.HTTPGet.Port.String())
		}
	})

	t.Run("runs_locked_down", func(t *testing.T) {
		require.NotNil(t, pod.SecurityContext)
		require.True(t, *pod.SecurityContext.RunAsNonRoot)
		require.NotNil(t, pod.SecurityContext.RunAsUser)
		require.NotZero(t, *pod.SecurityContext.RunAsUser)
		require.Equal(t, corev1.SeccompProfileTypeRuntimeDefault, pod.SecurityContext.SeccompProfile.Type)
		sc := c.SecurityContext
		require.NotNil(t, sc)
		require.True(t, *sc.RunAsNonRoot)
		require.True(t, *sc.ReadOnlyRootFilesystem)
		require.False(t, *sc.AllowPrivilegeEscalation)
		require.Equal(t, []corev1.Capability{"ALL"}, sc.Capabilities.Drop)
		require.Empty(t, sc.Capabilities.Add)
	})

	t.Run("sets_resources", func(t *testing.T) {
		for _, name := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
			request, ok := c.Resources.Requests[name]
			require.Truef(t, ok, "request for %s", name)
			limit, ok := c.Resources.Limits[name]
			require.Truef(t, ok, "limit for %s", name)
			require.Positive(t, request.Sign())
			require.LessOrEqualf(t, request.Cmp(limit), 0, "%s request above its limit", name)
		}
	})

	t.Run("derives_gomemlimit_from_the_memory_limit", func(t *testing.T) {
		ref := envVar(t, c, "GOMEMLIMIT").ValueFrom.ResourceFieldRef
		require.NotNil(t, ref)
		require.Equal(t, "limits.memory", ref.Resource)
		require.Zero(t, ref.Divisor.Cmp(resource.MustParse("1")))
	})

	t.Run("sets_only_variables_config_reads", func(t *testing.T) {
		requireKnownVariables(t, envNames(c), "GOMEMLIMIT")
	})

	t.Run("reads_credentials_from_the_secret", func(t *testing.T) {
		for _, name := range []string{"PARLEY_DATABASE_URL", "PARLEY_JWT_SECRET"} {
			v := envVar(t, c, name)
			require.Emptyf(t, v.Value, "%s must not be written in the manifest", name)
			require.NotNil(t, v.ValueFrom.SecretKeyRef)
			require.Equal(t, m.secret.Name, v.ValueFrom.SecretKeyRef.Name)
		}
	})

	t.Run("environment_is_a_valid_production_configuration", func(t *testing.T) {
		cfg := requireLoads(t, containerEnvironment(t, c, m.secret))
		require.True(t, cfg.Production())
		require.False(t, cfg.MigrateOnStart, "the migration Job migrates, not every replica")
		require.False(t, cfg.JWTSecretGenerated, "replicas must share one signing key")
		require.NotEmpty(t, cfg.RedisURL, "rate limits must be shared by all replicas")
	})

	t.Run("drains_before_the_grace_period_ends", func(t *testing.T) {
		require.NotNil(t, c.Lifecycle)
		require.NotNil(t, c.Lifecycle.PreStop)
		require.Nil(t, c.Lifecycle.PreStop.Exec, "the image has no shell")
		require.NotNil(t, c.Lifecycle.PreStop.Sleep)
		preStop := time.Duration(c.Lifecycle.PreStop.Sleep.Seconds) * time.Second
		require.Positive(t, preStop)
		cfg := requireLoads(t, containerEnvironment(t, c, m.secret))
		require.GreaterOrEqual(t, cfg.ShutdownGrace, 15*time.Second)
		require.NotNil(t, pod.TerminationGracePeriodSeconds)
		grace := time.Duration(*pod.TerminationGracePeriodSeconds) * time.Second
		require.GreaterOrEqual(t, grace, preStop+cfg.ShutdownGrace)
	})
}
