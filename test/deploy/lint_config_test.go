package deploy_test

import (
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

// deniedPackage is one deny entry of a depguard rule.
type deniedPackage struct {
	Pkg string `json:"pkg"`
}

// depguardRule is the part of a depguard rule the dependency rule relies on.
type depguardRule struct {
	Files []string        `json:"files"`
	Allow []string        `json:"allow"`
	Deny  []deniedPackage `json:"deny"`
}

// depguardRules reads the depguard rules of .golangci.yml.
func depguardRules(t *testing.T) map[string]depguardRule {
	t.Helper()
	data, err := os.ReadFile(repoPath(".golangci.yml"))
	require.NoError(t, err)
	var cfg struct {
		Linters struct {
			Enable   []string `json:"enable"`
			Settings struct {
				Depguard struct {
					Rules map[string]depguardRule `json:"rules"`
				} `json:"depguard"`
			} `json:"settings"`
		} `json:"linters"`
	}
	require.NoError(t, yaml.Unmarshal(data, &cfg))
	require.Contains(t, cfg.Linters.Enable, "depguard")
	return cfg.Linters.Settings.Depguard.Rules
}

func TestLintConfigGuardsEveryAdapter(t *testing.T) {
	rules := depguardRules(t)
	entries, err := os.ReadDir(repoPath("adapters"))
	require.NoError(t, err)
	const module = "github.com/parley-chat/parley/"
	for _, entry := range entries {
		if !entry.IsDir() {
			continue
		}
		name := entry.Name()
		t.Run(name, func(t *testing.T) {
			rule, ok := rules["adapter-"+name]
			require.Truef(t, ok, "no depguard rule adapter-%s keeps adapters/%s from importing other adapters", name, name)
			require.Contains(t, rule.Files, "${config-path}/adapters/"+name+"/**")
			require.Contains(t, rule.Allow, module+"adapters/"+name)
			require.Truef(t, slices.Contains(rule.Deny, deniedPackage{Pkg: module + "adapters/"}),
				"adapter-%s does not deny the other adapters", name)
		})
	}
}
