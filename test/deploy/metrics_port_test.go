package deploy_test

import (
	"net"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/parley-chat/parley/adapters/httpapi"
)

// metricsPortName names the container port that serves /metrics.
const metricsPortName = "metrics"

// metricsPort returns the port of a configured PARLEY_METRICS_ADDR.
func metricsPort(t *testing.T, env map[string]string) string {
	t.Helper()
	cfg := requireLoads(t, env)
	require.NotEmpty(t, cfg.MetricsAddr, "metrics must have a listener of their own")
	_, port, err := net.SplitHostPort(cfg.MetricsAddr)
	require.NoError(t, err)
	return port
}

func TestDeploymentServesMetricsOnAPortOfTheirOwn(t *testing.T) {
	m := loadManifests(t)
	c := serverContainer(t, m)
	port := metricsPort(t, containerEnvironment(t, c, m.secret))

	var named *corev1.ContainerPort
	for i := range c.Ports {
		if c.Ports[i].Name == metricsPortName {
			named = &c.Ports[i]
		}
	}
	require.NotNil(t, named, "container port %q", metricsPortName)
	require.Equal(t, port, strconv.Itoa(int(named.ContainerPort)), "the port PARLEY_METRICS_ADDR listens on")

	annotations := m.deployment.Spec.Template.Annotations
	require.Equal(t, "true", annotations["prometheus.io/scrape"])
	require.Equal(t, port, annotations["prometheus.io/port"])
	require.Equal(t, httpapi.MetricsPath, annotations["prometheus.io/path"])

	for _, sp := range m.service.Spec.Ports {
		switch sp.TargetPort.Type {
		case intstr.String:
			require.NotEqual(t, metricsPortName, sp.TargetPort.StrVal, "the Service must not expose metrics")
		default:
			require.NotEqual(t, named.ContainerPort, sp.TargetPort.IntVal, "the Service must not expose metrics")
		}
	}
}

func TestComposeKeepsMetricsOffTheHost(t *testing.T) {
	parley := service(t, loadCompose(t), "parley")
	env := map[string]string{}
	for name, value := range parley.Environment {
		require.NotNilf(t, value, "%s has no value", name)
		env[name] = *value
	}
	port := metricsPort(t, env)
	require.Contains(t, parley.Expose, port, "other services of the stack can scrape it")
	for _, p := range parley.Ports {
		require.NotEqual(t, port, strconv.Itoa(int(p.Target)), "metrics must not be published on the host")
	}
}
