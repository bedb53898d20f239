package deploy_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// serverPodLabels returns the labels of the Deployment's pods.
func serverPodLabels(m manifests) labels.Set {
	return labels.Set(m.deployment.Spec.Template.Labels)
}

// migrationPodLabels returns the labels of the migration Job's pods.
func migrationPodLabels(m manifests) labels.Set {
	return labels.Set(m.job.Spec.Template.Labels)
}

// requireSelectsServersOnly checks that selector picks the server pods and
// never the migration pods.
func requireSelectsServersOnly(t *testing.T, m manifests, selector labels.Selector) {
	t.Helper()
	require.False(t, selector.Empty(), "an empty selector matches every pod")
	require.True(t, selector.Matches(serverPodLabels(m)), "does not select the server pods")
	require.False(t, selector.Matches(migrationPodLabels(m)), "selects the migration pods")
}

func TestDeploymentSelector(t *testing.T) {
	m := loadManifests(t)
	selector, err := metav1.LabelSelectorAsSelector(m.deployment.Spec.Selector)
	require.NoError(t, err)
	requireSelectsServersOnly(t, m, selector)
}

func TestService(t *testing.T) {
	m := loadManifests(t)
	requireSelectsServersOnly(t, m, labels.SelectorFromSet(m.service.Spec.Selector))
	require.Len(t, m.service.Spec.Ports, 1)
	target := m.service.Spec.Ports[0].TargetPort
	port := serverContainer(t, m).Ports[0]
	switch target.Type {
	case intstr.String:
		require.Equal(t, port.Name, target.StrVal)
	default:
		require.Equal(t, port.ContainerPort, target.IntVal)
	}
}

func TestMigrationJob(t *testing.T) {
	m := loadManifests(t)
	pod := m.job.Spec.Template.Spec
	require.Len(t, pod.Containers, 1)
	c := pod.Containers[0]

	t.Run("runs_migrate_through_the_image_entrypoint", func(t *testing.T) {
		require.Empty(t, c.Command)
		require.Equal(t, []string{"migrate"}, c.Args)
	})
	t.Run("uses_the_server_image", func(t *testing.T) {
		require.Equal(t, serverContainer(t, m).Image, c.Image)
	})
	t.Run("does_not_restart_forever", func(t *testing.T) {
		require.Equal(t, corev1.RestartPolicyNever, pod.RestartPolicy)
		require.NotNil(t, m.job.Spec.BackoffLimit)
	})
	t.Run("environment_is_a_valid_production_configuration", func(t *testing.T) {
		requireKnownVariables(t, envNames(c))
		require.Nil(t, c.Lifecycle)
		cfg := requireLoads(t, containerEnvironment(t, c, m.secret))
		require.True(t, cfg.Production())
		require.Equal(t, envVar(t, serverContainer(t, m), "PARLEY_DATABASE_URL").ValueFrom,
			envVar(t, c, "PARLEY_DATABASE_URL").ValueFrom, "the Job must migrate the database the servers use")
	})
	t.Run("runs_locked_down", func(t *testing.T) {
		require.True(t, *pod.SecurityContext.RunAsNonRoot)
		require.True(t, *c.SecurityContext.ReadOnlyRootFilesystem)
		require.False(t, *c.SecurityContext.AllowPrivilegeEscalation)
		require.NotEmpty(t, c.Resources.Limits)
	})
}

func TestPodDisruptionBudget(t *testing.T) {
	m := loadManifests(t)
	require.NotNil(t, m.pdb.Spec.MinAvailable)
	require.Equal(t, intstr.FromInt32(1), *m.pdb.Spec.MinAvailable)
	require.Less(t, m.pdb.Spec.MinAvailable.IntValue(), int(*m.deployment.Spec.Replicas),
		"a budget as large as the replica count blocks every drain")
	selector, err := metav1.LabelSelectorAsSelector(m.pdb.Spec.Selector)
	require.NoError(t, err)
	requireSelectsServersOnly(t, m, selector)
}

func TestHorizontalPodAutoscaler(t *testing.T) {
	m := loadManifests(t)
	spec := m.hpa.Spec
	require.Equal(t, "apps/v1", spec.ScaleTargetRef.APIVersion)
	require.Equal(t, "Deployment", spec.ScaleTargetRef.Kind)
	require.Equal(t, m.deployment.Name, spec.ScaleTargetRef.Name)
	require.NotNil(t, spec.MinReplicas)
	require.EqualValues(t, 2, *spec.MinReplicas)
	require.EqualValues(t, 10, spec.MaxReplicas)
	require.Len(t, spec.Metrics, 1)
	metric := spec.Metrics[0]
	require.Equal(t, autoscalingv2.ResourceMetricSourceType, metric.Type)
	require.Equal(t, corev1.ResourceCPU, metric.Resource.Name)
	require.Equal(t, autoscalingv2.UtilizationMetricType, metric.Resource.Target.Type)
	require.EqualValues(t, 70, *metric.Resource.Target.AverageUtilization)
	_, ok := serverContainer(t, m).Resources.Requests[corev1.ResourceCPU]
	require.True(t, ok, "CPU utilisation needs a CPU request")
}

func TestExampleSecret(t *testing.T) {
	m := loadManifests(t)
	require.Empty(t, m.secret.Data, "the example carries placeholders in stringData only")
	require.NotEmpty(t, m.secret.StringData)
	for key, value := range m.secret.StringData {
		require.Containsf(t, value, "CHANGE-ME", "%s must be an obvious placeholder", key)
	}
	for _, c := range []corev1.Container{serverContainer(t, m), m.job.Spec.Template.Spec.Containers[0]} {
		for _, e := range c.Env {
			if e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil {
				continue
			}
			require.Equal(t, m.secret.Name, e.ValueFrom.SecretKeyRef.Name)
			require.Containsf(t, m.secret.StringData, e.ValueFrom.SecretKeyRef.Key, "%s of %s", e.Name, c.Name)
		}
	}
}
