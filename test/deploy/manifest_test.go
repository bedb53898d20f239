package deploy_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"
)

// manifests holds every object of deploy/kubernetes, decoded into its type.
type manifests struct {
	deployment *appsv1.Deployment
	service    *corev1.Service
	secret     *corev1.Secret
	job        *batchv1.Job
	pdb        *policyv1.PodDisruptionBudget
	hpa        *autoscalingv2.HorizontalPodAutoscaler
}

// repoPath returns a path relative to the repository root; tests run in
// test/deploy.
func repoPath(elem ...string) string {
	return filepath.Join(append([]string{"..", ".."}, elem...)...)
}

// decodeStrict decodes one YAML document into out and fails on any field the
// type does not know, so a misspelt key cannot pass silently.
func decodeStrict(data []byte, out any) error {
	return yaml.UnmarshalStrict(data, out)
}

// loadManifests decodes every YAML file of deploy/kubernetes and requires
// each kind to appear exactly once.
func loadManifests(t *testing.T) manifests {
	t.Helper()
	files, err := filepath.Glob(repoPath("deploy", "kubernetes", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var m manifests
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		require.Falsef(t, strings.Contains(string(data), "\n---"), "%s: one object per file", file)
		var meta metav1.TypeMeta
		require.NoError(t, yaml.Unmarshal(data, &meta), file)
		target := m.slot(t, meta)
		require.NoErrorf(t, decodeStrict(data, target), "%s does not decode strictly into %s", file, meta.Kind)
	}
	require.NotNil(t, m.deployment, "deployment.yaml")
	require.NotNil(t, m.service, "service.yaml")
	require.NotNil(t, m.secret, "secret.example.yaml")
	require.NotNil(t, m.job, "migration-job.yaml")
	require.NotNil(t, m.pdb, "pdb.yaml")
	require.NotNil(t, m.hpa, "hpa.yaml")
	return m
}

// slot returns a fresh typed object for meta and records it in m.
func (m *manifests) slot(t *testing.T, meta metav1.TypeMeta) any {
	t.Helper()
	once := func(seen bool) {
		require.Falsef(t, seen, "%s %s appears more than once", meta.APIVersion, meta.Kind)
	}
	switch meta.APIVersion + " " + meta.Kind {
	case "apps/v1 Deployment":
		once(m.deployment != nil)
		m.deployment = &appsv1.Deployment{}
		return m.deployment
	case "v1 Service":
		once(m.service != nil)
		m.service = &corev1.Service{}
		return m.service
	case "v1 Secret":
		once(m.secret != nil)
		m.secret = &corev1.Secret{}
		return m.secret
	case "batch/v1 Job":
		once(m.job != nil)
		m.job = &batchv1.Job{}
		return m.job
	case "policy/v1 PodDisruptionBudget":
		once(m.pdb != nil)
		m.pdb = &policyv1.PodDisruptionBudget{}
		return m.pdb
	case "autoscaling/v2 HorizontalPodAutoscaler":
		once(m.hpa != nil)
		m.hpa = &autoscalingv2.HorizontalPodAutoscaler{}
		return m.hpa
	}
	t.Fatalf("unexpected manifest kind %s %s", meta.APIVersion, meta.Kind)
	return nil
}

func TestManifestsDecodeStrictly(t *testing.T) {
	t.Run("every_manifest_decodes_into_its_type", func(t *testing.T) {
		loadManifests(t)
	})
	t.Run("unknown_field_is_rejected", func(t *testing.T) {
		typo := []byte("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replica: 2\n")
		require.Error(t, decodeStrict(typo, &appsv1.Deployment{}))
	})
	t.Run("duplicate_key_is_rejected", func(t *testing.T) {
		dup := []byte("apiVersion: apps/v1\nkind: Deployment\nkind: Deployment\n")
		require.Error(t, decodeStrict(dup, &appsv1.Deployment{}))
	})
}
