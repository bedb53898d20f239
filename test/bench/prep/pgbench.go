package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// writePgbench captures the statement that lists page 1 with the default
// sort, through the store's own code and statement hook, and writes one
// pgbench script per sampled user with that user's ids bound in:
// pgbench/<class>_<n>.sql, plus list.sql, the captured text itself.
func writePgbench(dbURL string, samples []sample, dir string) error {
	var captured []string
	ctx := context.Background()
	store, err := gormstore.Open(ctx, gormstore.Options{URL: dbURL, OnStatement: func(sql string) { captured = append(captured, sql) }})
	if err != nil {
		return err
	}
	defer func() { _ = store.Close() }()
	if len(samples) == 0 {
		return errors.New("no samples")
	}
	actor, err := actorOf(samples[0])
	if err != nil {
		return err
	}
	q := application.DirectConversationQuery{ListQuery: application.ListQuery{
		Size: pageSize, Sort: application.DirectConversationListSchema.DefaultSort}}
	if _, err := gormstore.NewDirectConversationReads(store).List(ctx, actor, q); err != nil {
		return err
	}
	if len(captured) != 1 {
		return fmt.Errorf("listing sent %d statements, want 1", len(captured))
	}
	sql := captured[0]
	if !strings.Contains(sql, "$2") || strings.Contains(sql, "$3") {
		return fmt.Errorf("unexpected parameters in %q", sql)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	plain := regexp.MustCompile(`\$(\d+)\$`).ReplaceAllString(sql, "$$$1")
	if err := os.WriteFile(filepath.Join(dir, "list.sql"), []byte(plain+";\n"), 0o644); err != nil {
		return err
	}
	counts := map[string]int{}
	for _, s := range samples {
		counts[s.class]++
		// The hook shows placeholders as $1$ (GORM's explain form) or $1.
		bound := strings.NewReplacer("$1$", "'"+s.user+"'", "$2$", "'"+s.account+"'",
			"$1", "'"+s.user+"'", "$2", "'"+s.account+"'").Replace(sql)
		name := fmt.Sprintf("%s_%d.sql", s.class, counts[s.class])
		if err := os.WriteFile(filepath.Join(dir, name), []byte(oneLine(bound)+";\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// oneLine joins the statement's lines: pgbench reads one command per line
// unless told otherwise.
func oneLine(sql string) string { return strings.Join(strings.Fields(sql), " ") }

func actorOf(s sample) (domain.Actor, error) {
	user, err := domain.ParseID(s.user)
	if err != nil {
		return domain.Actor{}, err
	}
	account, err := domain.ParseID(s.account)
	if err != nil {
		return domain.Actor{}, err
	}
	return domain.Actor{UserID: user, AccountID: account, Role: domain.RoleMember}, nil
}
