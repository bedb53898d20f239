package bootstrap

import "go.uber.org/fx"

// statementObserver receives the text of each SQL statement the GORM store
// sends (placeholders, never values).
type statementObserver func(sql string)

// observerIn takes the statement observer when one was supplied.
type observerIn struct {
	fx.In

	Observe statementObserver `optional:"true"`
}

// WithStatementObserver makes the GORM store call observe once per SQL
// statement it executes, with the statement's text. Tests add it to Options
// to count the statements a request costs; it has no effect on the memory
// persistence.
func WithStatementObserver(observe func(sql string)) fx.Option {
	return fx.Supply(statementObserver(observe))
}
