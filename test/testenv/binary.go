package testenv

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
)

// BuildArgs are the arguments of `go build` the Dockerfile uses, with
// CGO_ENABLED=0: the tests run the very binary the image ships.
var BuildArgs = []string{"build", "-tags", "nomsgpack", "-trimpath", "-ldflags=-s -w"}

// build is the one server binary of this test process.
var build struct {
	once sync.Once
	main bool // Main runs the package's tests and removes dir afterwards
	dir  string
	path string
	err  error
}

// Main runs the package's tests and then removes the binary Binary built.
// A package whose tests call Binary calls Main from its TestMain.
func Main(m *testing.M) {
	build.main = true
	code := m.Run()
	if build.dir != "" {
		_ = os.RemoveAll(build.dir)
	}
	os.Exit(code)
}

// Binary returns the path of the server binary, built from the repository
// root the first time a test of the process asks for it. Test processes of
// other packages building at the same moment take turns, so that the second
// finds every package in the build cache and only links.
func Binary(t testing.TB) string {
	t.Helper()
	if !build.main {
		t.Fatal("testenv.Binary needs testenv.Main in the package's TestMain, which removes the binary")
	}
	build.once.Do(func() { build.dir, build.path, build.err = buildServer() })
	if build.err != nil {
		t.Fatalf("build the server: %v", build.err)
	}
	return build.path
}

func buildServer() (dir, path string, err error) {
	root, err := repositoryRoot()
	if err != nil {
		return "", "", err
	}
	dir, err = os.MkdirTemp("", "parley-bin-")
	if err != nil {
		return "", "", err
	}
	path = filepath.Join(dir, "parley")
	unlock, err := lockBuilds()
	if err != nil {
		return dir, "", err
	}
	defer unlock()
	cmd := exec.Command("go", append(BuildArgs, "-o", path, ".")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return dir, "", fmt.Errorf("go build: %w\n%s", err, out)
	}
	return dir, path, nil
}

// lockBuilds holds a lock every test process of the machine shares, until
// the returned function is called.
func lockBuilds() (func(), error) {
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "parley-test-build.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		_ = f.Close()
		return nil, err
	}
	return func() { _ = f.Close() }, nil
}

// repositoryRoot is the nearest directory above the working directory that
// holds go.mod.
func repositoryRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
