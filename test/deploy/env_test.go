package deploy_test

import (
	"net"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"

	"github.com/parley-chat/parley/config"
)

// requireKnownVariables fails for any PARLEY_ variable config does not read,
// and for any other variable not listed in extra.
func requireKnownVariables(t *testing.T, names []string, extra ...string) {
	t.Helper()
	known := config.Names()
	for _, name := range names {
		if strings.HasPrefix(name, "PARLEY_") {
			require.Containsf(t, known, name, "%s is not a variable config reads", name)
			continue
		}
		require.Containsf(t, extra, name, "unexpected variable %s", name)
	}
}

// defaultPort returns the port of the default PARLEY_HTTP_ADDR.
func defaultPort(t *testing.T) string {
	t.Helper()
	cfg, err := config.Load(map[string]string{})
	require.NoError(t, err)
	_, port, err := net.SplitHostPort(cfg.HTTPAddr)
	require.NoError(t, err)
	return port
}

// containerEnvironment resolves a container's environment to plain values:
// literal values as written, secret references from the example Secret.
// Variables filled from other sources are left out.
func containerEnvironment(t *testing.T, c corev1.Container, secret *corev1.Secret) map[string]string {
	t.Helper()
	env := map[string]string{}
	for _, e := range c.Env {
		switch {
		case e.ValueFrom == nil:
			env[e.Name] = e.Value
		case e.ValueFrom.SecretKeyRef != nil:
			ref := e.ValueFrom.SecretKeyRef
			require.Equalf(t, secret.Name, ref.Name, "%s reads an unknown secret", e.Name)
			value, ok := secret.StringData[ref.Key]
			require.Truef(t, ok, "%s reads key %q missing from secret.example.yaml", e.Name, ref.Key)
			env[e.Name] = value
		}
	}
	return env
}

// requireLoads checks that config accepts env and returns the result.
func requireLoads(t *testing.T, env map[string]string) config.Config {
	t.Helper()
	cfg, err := config.Load(env)
	require.NoError(t, err)
	return cfg
}

// envNames lists the variable names a container sets.
func envNames(c corev1.Container) []string {
	names := make([]string, 0, len(c.Env))
	for _, e := range c.Env {
		names = append(names, e.Name)
	}
	return names
}

// envVar returns the named variable of a container.
func envVar(t *testing.T, c corev1.Container, name string) corev1.EnvVar {
	t.Helper()
	i := slices.IndexFunc(c.Env, func(e corev1.EnvVar) bool { return e.Name == name })
	require.GreaterOrEqualf(t, i, 0, "container %s does not set %s", c.Name, name)
	return c.Env[i]
}
