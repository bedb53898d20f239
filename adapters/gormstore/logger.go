package gormstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"go.uber.org/zap"
	"gorm.io/gorm"
	gormlogger "gorm.io/gorm/logger"
)

// gormLogger bridges GORM's logger to zap at warn level. It never sees bound
// parameter values (ParamsFilter drops them, and the pgx fast path hands it
// its statement with placeholders only): they can hold password hashes,
// message text and search words. No statement inlines a value either, so a
// long in: list or LIKE pattern reaches the log as a run of placeholders,
// and clipSQL caps that.
type gormLogger struct {
	log         *zap.Logger
	slow        time.Duration
	level       gormlogger.LogLevel
	onStatement func(sql string)
}

var (
	_ gormlogger.Interface = (*gormLogger)(nil)
	_ gorm.ParamsFilter    = (*gormLogger)(nil)
)

func newGormLogger(log *zap.Logger, slow time.Duration, onStatement func(string)) *gormLogger {
	return &gormLogger{log: log.Named("gorm"), slow: slow, level: gormlogger.Warn, onStatement: onStatement}
}

// LogMode returns a copy logging at level.
func (l *gormLogger) LogMode(level gormlogger.LogLevel) gormlogger.Interface {
	c := *l
	c.level = level
	return &c
}

// Info logs GORM's informational messages.
func (l *gormLogger) Info(_ context.Context, msg string, args ...any) {
	if l.level >= gormlogger.Info {
		l.log.Info(fmt.Sprintf(msg, args...))
	}
}

// Warn logs GORM's warnings.
func (l *gormLogger) Warn(_ context.Context, msg string, args ...any) {
	if l.level >= gormlogger.Warn {
		l.log.Warn(fmt.Sprintf(msg, args...))
	}
}

// Error logs GORM's errors.
func (l *gormLogger) Error(_ context.Context, msg string, args ...any) {
	if l.level >= gormlogger.Error {
		l.log.Error(fmt.Sprintf(msg, args...))
	}
}

// Trace reports each executed statement: to the statement hook, and to zap
// when it failed unexpectedly or was slow.
func (l *gormLogger) Trace(_ context.Context, begin time.Time, fc func() (string, int64), err error) {
	if l.onStatement == nil && l.level < gormlogger.Warn {
		return
	}
	elapsed := time.Since(begin)
	sql, rows := fc()
	if l.onStatement != nil {
		l.onStatement(sql)
	}
	switch {
	case err != nil && l.level >= gormlogger.Warn && !expected(err):
		l.log.Warn("database statement failed", zap.String("sql", clipSQL(sql)), zap.Duration("elapsed", elapsed), zap.Error(err))
	case elapsed > l.slow && l.level >= gormlogger.Warn:
		l.log.Warn("slow database statement", zap.String("sql", clipSQL(sql)), zap.Duration("elapsed", elapsed), zap.Int64("rows", rows))
	}
}

// maxLoggedSQL is how much of a statement a log line carries.
const maxLoggedSQL = 2 << 10

// clipSQL returns sql cut to its first maxLoggedSQL bytes (at a character
// boundary), followed by a marker saying how many bytes were left out.
func clipSQL(sql string) string {
	if len(sql) <= maxLoggedSQL {
		return sql
	}
	n := maxLoggedSQL
	for n > 0 && !utf8.RuneStart(sql[n]) {
		n--
	}
	return sql[:n] + "… [" + strconv.Itoa(len(sql)-n) + " more bytes]"
}

// ParamsFilter drops bound values so that logged SQL keeps its placeholders.
func (l *gormLogger) ParamsFilter(_ context.Context, sql string, _ ...any) (string, []any) {
	return sql, nil
}

// expected reports failures that are answers rather than faults: a missing
// row, or a uniqueness conflict that the caller turns into a result.
func expected(err error) bool {
	return errors.Is(err, gorm.ErrRecordNotFound) || errors.Is(err, gorm.ErrDuplicatedKey)
}
