package gormstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/parley-chat/parley/domain"
)

// postgresEpoch is where binary timestamps count from.
var postgresEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// column is a statement's column enumeration: view columns, detail
// columns. Each enumeration names its columns for positionsOf.
type column interface {
	~int
	resultName() string
}

// positionsOf finds each of the count columns of C among fields by name,
// once per statement; a missing, repeated or unexpected column is an error.
func positionsOf[C column](fields []pgconn.FieldDescription, count C) ([]int, error) {
	if len(fields) != int(count) {
		return nil, fmt.Errorf("statement has %d columns, want %d", len(fields), count)
	}
	pos := make([]int, count)
	for c := range count {
		pos[c] = -1
		want := c.resultName()
		for i, fd := range fields {
			if fd.Name == want {
				pos[c] = i
				break
			}
		}
		if pos[c] < 0 {
			return nil, fmt.Errorf("statement has no column %s", want)
		}
	}
	return pos, nil
}

// rawDecoder reads the binary values of one row by column; the first
// malformed value is kept in err.
type rawDecoder[C column] struct {
	vals [][]byte
	pos  []int
	err  error
}

func (d *rawDecoder[C]) value(c C) []byte { return d.vals[d.pos[c]] }

func (d *rawDecoder[C]) fail(c C, err error) {
	if d.err == nil {
		d.err = fmt.Errorf("decode column %s: %w", c.resultName(), err)
	}
}

func (d *rawDecoder[C]) id(c C) domain.ID {
	v := d.value(c)
	if len(v) != 16 {
		d.fail(c, errors.New("uuid is not 16 bytes"))
		return domain.ID{}
	}
	return domain.ID(v)
}

func (d *rawDecoder[C]) nullID(c C) uuid.NullUUID {
	v := d.value(c)
	if v == nil {
		return uuid.NullUUID{}
	}
	if len(v) != 16 {
		d.fail(c, errors.New("uuid is not 16 bytes"))
		return uuid.NullUUID{}
	}
	return uuid.NullUUID{UUID: uuid.UUID(v), Valid: true}
}

func (d *rawDecoder[C]) time(c C) time.Time {
	v := d.value(c)
	if len(v) != 8 {
		d.fail(c, errors.New("timestamp is not 8 bytes"))
		return time.Time{}
	}
	us := int64(binary.BigEndian.Uint64(v))
	return postgresEpoch.Add(time.Duration(us) * time.Microsecond)
}

// int4 decodes a binary integer column.
func (d *rawDecoder[C]) int4(c C) int {
	v := d.value(c)
	if len(v) != 4 {
		d.fail(c, errors.New("integer is not 4 bytes"))
		return 0
	}
	return int(int32(binary.BigEndian.Uint32(v)))
}

// nullTime is time for a nullable column: the zero time for NULL.
func (d *rawDecoder[C]) nullTime(c C) time.Time {
	if d.value(c) == nil {
		return time.Time{}
	}
	return d.time(c)
}

// text returns the column as a string, reusing one of known when it matches
// so that repeated values such as roles cost no allocation.
func (d *rawDecoder[C]) text(c C, known ...string) string {
	v := d.value(c)
	for _, k := range known {
		if string(v) == k {
			return k
		}
	}
	return string(v)
}
