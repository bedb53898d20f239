package reliability_test

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	osuser "os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// cluster is a throwaway PostgreSQL server of the test's own, which the test
// may stop and start at will.
type cluster struct {
	bin     string
	dir     string
	data    string
	runAs   string
	started bool
}

// pgBinDir finds the directory of initdb and pg_ctl: on the PATH, else the
// newest /usr/lib/postgresql/<version>/bin.
func pgBinDir() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int {
		va, _ := strconv.Atoi(filepath.Base(filepath.Dir(a)))
		vb, _ := strconv.Atoi(filepath.Base(filepath.Dir(b)))
		return va - vb
	})
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i], nil
		}
	}
	return "", fmt.Errorf("initdb and pg_ctl not found")
}

// newCluster initialises and starts a cluster in a temporary directory. It
// listens on a Unix socket in that directory only, so no TCP port has to be
// found free and no other cluster can take it. PostgreSQL refuses to run as root, so as root the cluster
// belongs to the postgres user. Without the binaries the test is skipped,
// unless CI is set: then it fails. The cluster is stopped and removed when
// the test ends, whatever happened.
func newCluster(t *testing.T) *cluster {
	t.Helper()
	bin, err := pgBinDir()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL server binaries are required when CI is set: %v", err)
		}
		t.Skipf("no PostgreSQL server binaries: %v", err)
	}
	dir, err := os.MkdirTemp("", "parley-pg-")
	if err != nil {
		t.Fatalf("make cluster directory: %v", err)
	}
	c := &cluster{bin: bin, dir: dir, data: filepath.Join(dir, "data")}
	t.Cleanup(func() {
		if c.started {
			_ = c.pgCtl("-m", "immediate", "stop")
		}
		_ = os.RemoveAll(dir)
	})
	if os.Geteuid() == 0 {
		c.runAs = "postgres"
		u, err := osuser.Lookup(c.runAs)
		if err != nil {
			t.Fatalf("running as root needs the postgres user: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatalf("chown cluster directory: %v", err)
		}
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatalf("chmod cluster directory: %v", err)
	}
	if out, err := c.command("initdb", "-D", c.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
		"--no-locale", "--no-sync").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	c.start(t)
	return c
}

// url is the cluster's connection URL, through its socket directory.
func (c *cluster) url() string {
	return "postgres://postgres@/postgres?host=" + url.QueryEscape(c.dir) + "&sslmode=disable&connect_timeout=2"
}

// start starts the server and waits until it accepts connections.
func (c *cluster) start(t *testing.T) {
	t.Helper()
	opts := fmt.Sprintf("-k %s -c listen_addresses='' -c fsync=off -c max_connections=60", c.dir)
	if err := c.pgCtl("-o", opts, "-l", filepath.Join(c.dir, "server.log"), "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
		t.Fatalf("start cluster: %v\n%s", err, log)
	}
	c.started = true
}

// stop shuts the server down the way an operator's fast stop does:
// sessions are terminated and open transactions rolled back.
func (c *cluster) stop(t *testing.T) {
	t.Helper()
	if err := c.pgCtl("-m", "fast", "-t", "60", "stop"); err != nil {
		t.Fatalf("stop cluster: %v", err)
	}
	c.started = false
}

func (c *cluster) pgCtl(args ...string) error {
	args = append([]string{"-D", c.data, "-w"}, args...)
	out, err := c.command("pg_ctl", args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl %s: %w: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// command runs a server binary, as the postgres user when the test is root.
func (c *cluster) command(name string, args ...string) *exec.Cmd {
	path := filepath.Join(c.bin, name)
	if c.runAs == "" {
		return exec.Command(path, args...)
	}
	return exec.Command("runuser", append([]string{"-u", c.runAs, "--", path}, args...)...)
}
