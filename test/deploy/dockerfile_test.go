package deploy_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// instruction is one Dockerfile instruction with its continuation lines joined.
type instruction struct {
	keyword string
	args    string
}

// stage is one FROM and the instructions that follow it.
type stage struct {
	image        string
	name         string
	instructions []instruction
}

// find returns the stage's instructions with keyword.
func (s stage) find(keyword string) []instruction {
	var found []instruction
	for _, in := range s.instructions {
		if in.keyword == keyword {
			found = append(found, in)
		}
	}
	return found
}

// parseDockerfile splits a Dockerfile into stages; enough of the syntax for
// the plain file this repository keeps (no heredocs, backslash escapes).
func parseDockerfile(t *testing.T, data []byte) []stage {
	t.Helper()
	var stages []stage
	var pending strings.Builder
	scanner := bufio.NewScanner(bytes.NewReader(data))
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if cont, ok := strings.CutSuffix(line, `\`); ok {
			pending.WriteString(cont + " ")
			continue
		}
		pending.WriteString(line)
		keyword, args, _ := strings.Cut(pending.String(), " ")
		pending.Reset()
		in := instruction{keyword: strings.ToUpper(keyword), args: strings.TrimSpace(args)}
		if in.keyword == "FROM" {
			fields := strings.Fields(in.args)
			s := stage{image: fields[0]}
			if len(fields) == 3 && strings.EqualFold(fields[1], "AS") {
				s.name = fields[2]
			}
			stages = append(stages, s)
			continue
		}
		require.NotEmptyf(t, stages, "%s before the first FROM", in.keyword)
		stages[len(stages)-1].instructions = append(stages[len(stages)-1].instructions, in)
	}
	require.NoError(t, scanner.Err())
	return stages
}

// goVersions returns the go and toolchain versions of go.mod, such as
// "1.26.0" and "1.26.10"; the toolchain is empty when go.mod names none.
func goVersions(t *testing.T) (goVersion, toolchain string) {
	t.Helper()
	data, err := os.ReadFile(repoPath("go.mod"))
	require.NoError(t, err)
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if v, ok := strings.CutPrefix(line, "go "); ok {
			goVersion = v
		}
		if v, ok := strings.CutPrefix(line, "toolchain go"); ok {
			toolchain = v
		}
	}
	require.NotEmpty(t, goVersion, "go.mod has no go directive")
	return goVersion, toolchain
}

// healthcheckArgv is how the image checks itself: the binary copied to
// /parley, with the subcommand main.go knows.
var healthcheckArgv = []string{"/parley", "healthcheck"}

func TestDockerfile(t *testing.T) {
	data, err := os.ReadFile(repoPath("Dockerfile"))
	require.NoError(t, err)
	stages := parseDockerfile(t, data)
	require.Len(t, stages, 2)
	build, final := stages[0], stages[1]

	t.Run("builds_with_a_pinned_go_of_the_module_release", func(t *testing.T) {
		m := regexp.MustCompile(`^golang:((\d+\.\d+)\.\d+)(-[a-z]+)?$`).FindStringSubmatch(build.image)
		require.NotNilf(t, m, "%s is not a pinned golang patch release", build.image)
		goVersion, toolchain := goVersions(t)
		require.Truef(t, strings.HasPrefix(goVersion, m[2]+"."), "go.mod wants go %s", goVersion)
		if toolchain != "" {
			require.Equal(t, toolchain, m[1], "the image must carry the toolchain go.mod names, not download it")
		}
		require.NotEmpty(t, build.name)
	})

	t.Run("builds_a_static_stripped_binary", func(t *testing.T) {
		var found bool
		for _, run := range build.find("RUN") {
			if strings.Contains(run.args, "go build") {
				found = true
				require.Contains(t, run.args, "CGO_ENABLED=0")
				require.Contains(t, run.args, "-tags nomsgpack")
				require.Contains(t, run.args, "-trimpath")
				require.Contains(t, run.args, `-ldflags="-s -w"`)
				require.Contains(t, run.args, "-o /out/parley")
			}
		}
		require.True(t, found, "no go build in the build stage")
	})

	t.Run("runs_on_distroless_as_nonroot", func(t *testing.T) {
		require.Equal(t, "gcr.io/distroless/static-debian12:nonroot", final.image)
		require.Empty(t, final.find("RUN"), "the runtime image has no shell")
		users := final.find("USER")
		require.Len(t, users, 1)
		user, _, _ := strings.Cut(users[0].args, ":")
		require.NotContains(t, []string{"root", "0", ""}, user)
	})

	t.Run("starts_the_copied_binary", func(t *testing.T) {
		copies := final.find("COPY")
		require.Len(t, copies, 1)
		require.Equal(t, "--from="+build.name+" /out/parley /parley", copies[0].args)
		entrypoints := final.find("ENTRYPOINT")
		require.Len(t, entrypoints, 1)
		var argv []string
		require.NoError(t, json.Unmarshal([]byte(entrypoints[0].args), &argv), "ENTRYPOINT must use the exec form")
		require.Equal(t, []string{"/parley"}, argv)
		require.Empty(t, final.find("CMD"))
	})

	t.Run("checks_its_own_health_with_the_binary", func(t *testing.T) {
		checks := final.find("HEALTHCHECK")
		require.Len(t, checks, 1)
		_, cmd, ok := strings.Cut(checks[0].args, "CMD ")
		require.True(t, ok, "HEALTHCHECK without CMD: %s", checks[0].args)
		var argv []string
		require.NoError(t, json.Unmarshal([]byte(cmd), &argv), "HEALTHCHECK CMD must use the exec form: the image has no shell")
		require.Equal(t, healthcheckArgv, argv)
	})

	t.Run("exposes_the_default_listen_port", func(t *testing.T) {
		exposes := final.find("EXPOSE")
		require.Len(t, exposes, 1)
		require.Equal(t, defaultPort(t), exposes[0].args)
	})
}

func TestDockerignoreKeepsTheBuildInputs(t *testing.T) {
	data, err := os.ReadFile(repoPath(".dockerignore"))
	require.NoError(t, err)
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.Dir}}{{end}}", ".")
	cmd.Dir = repoPath()
	out, err := cmd.Output()
	require.NoError(t, err)
	root, err := filepath.Abs(repoPath())
	require.NoError(t, err)
	inputs := []string{"go.mod", "go.sum", "main.go"}
	for dir := range strings.Lines(string(out)) {
		if rel, err := filepath.Rel(root, strings.TrimSpace(dir)); err == nil && !strings.HasPrefix(rel, "..") {
			inputs = append(inputs, filepath.ToSlash(rel))
		}
	}
	for line := range strings.Lines(string(data)) {
		pattern := strings.TrimSpace(line)
		if pattern == "" || strings.HasPrefix(pattern, "#") {
			continue
		}
		for _, input := range inputs {
			matched, err := filepath.Match(pattern, input)
			require.NoError(t, err)
			require.Falsef(t, matched, ".dockerignore pattern %q excludes %s", pattern, input)
			top, _, _ := strings.Cut(input, "/")
			require.NotEqualf(t, pattern, top, ".dockerignore pattern %q excludes %s", pattern, input)
		}
	}
}
