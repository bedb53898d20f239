package bootstrap

import (
	"errors"
	"fmt"
	"net"
)

// blame prefixes err with the variable whose value the failure is about, in
// the "PARLEY_X: reason" form that configuration errors use, so that the one
// line an operator reads says what to change.
func blame(variable string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", variable, err)
}

// wrap adds what was being done to err; nil stays nil.
func wrap(doing string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", doing, err)
}

// listenError reports a listener that could not be bound, such as a port in
// use, once: the socket error already repeats the address it was given.
func listenError(variable, addr string, err error) error {
	if err == nil {
		return nil
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		err = op.Err
	}
	return blame(variable, fmt.Errorf("listen on %s: %w", addr, err))
}
