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

// viewPositions maps each view column to its position in one statement's
// result, found once per statement by the column's name.
type viewPositions [vcCount]int

// positionsOf finds every view column among fields by name; a missing,
// repeated or unexpected column is an error.
func positionsOf(fields []pgconn.FieldDescription) (*viewPositions, error) {
	if len(fields) != int(vcCount) {
		return nil, fmt.Errorf("view has %d columns, want %d", len(fields), vcCount)
	}
	var pos viewPositions
	for c := range vcCount {
		pos[c] = -1
		want := c.resultName()
		for i, fd := range fields {
			if fd.Name == want {
				pos[c] = i
				break
			}
		}
		if pos[c] < 0 {
			return nil, fmt.Errorf("view has no column %s", want)
		}
	}
	return &pos, nil
}

// rawDecoder reads the binary values of one row by view column; the first
// malformed value is kept in err.
type rawDecoder struct {
	vals [][]byte
	pos  *viewPositions
	err  error
}

func (d *rawDecoder) value(c viewColumn) []byte { return d.vals[d.pos[c]] }

func (d *rawDecoder) fail(c viewColumn, err error) {
	if d.err == nil {
		d.err = fmt.Errorf("decode column %s: %w", c.resultName(), err)
	}
}

func (d *rawDecoder) id(c viewColumn) domain.ID {
	v := d.value(c)
	if len(v) != 16 {
		d.fail(c, errors.New("uuid is not 16 bytes"))
		return domain.ID{}
	}
	return domain.ID(v)
}

func (d *rawDecoder) nullID(c viewColumn) uuid.NullUUID {
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

func (d *rawDecoder) time(c viewColumn) time.Time {
	v := d.value(c)
	if len(v) != 8 {
		d.fail(c, errors.New("timestamp is not 8 bytes"))
		return time.Time{}
	}
	us := int64(binary.BigEndian.Uint64(v))
	return postgresEpoch.Add(time.Duration(us) * time.Microsecond)
}

// int4 decodes a binary integer column.
func (d *rawDecoder) int4(c viewColumn) int {
	v := d.value(c)
	if len(v) != 4 {
		d.fail(c, errors.New("integer is not 4 bytes"))
		return 0
	}
	return int(int32(binary.BigEndian.Uint32(v)))
}

// nullTime is time for a nullable column: the zero time for NULL.
func (d *rawDecoder) nullTime(c viewColumn) time.Time {
	if d.value(c) == nil {
		return time.Time{}
	}
	return d.time(c)
}

// text returns the column as a string, reusing one of known when it matches
// so that repeated values such as roles cost no allocation.
func (d *rawDecoder) text(c viewColumn, known ...string) string {
	v := d.value(c)
	for _, k := range known {
		if string(v) == k {
			return k
		}
	}
	return string(v)
}
