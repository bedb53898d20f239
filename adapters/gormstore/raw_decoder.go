package gormstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/parley-chat/parley/domain"
)

// postgresEpoch is where binary timestamps count from.
var postgresEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// rawDecoder reads one row's binary values left to right; the first
// malformed value is kept in err.
type rawDecoder struct {
	vals [][]byte
	i    int
	err  error
}

func (d *rawDecoder) next() []byte {
	if d.i >= len(d.vals) {
		d.fail(errors.New("row has too few columns"))
		return nil
	}
	v := d.vals[d.i]
	d.i++
	return v
}

func (d *rawDecoder) fail(err error) {
	if d.err == nil {
		d.err = fmt.Errorf("decode column %d: %w", d.i, err)
	}
}

// skip passes over n columns.
func (d *rawDecoder) skip(n int) { d.i += n }

func (d *rawDecoder) id() domain.ID {
	v := d.next()
	if len(v) != 16 {
		d.fail(errors.New("uuid is not 16 bytes"))
		return domain.ID{}
	}
	return domain.ID(v)
}

func (d *rawDecoder) nullID() uuid.NullUUID {
	v := d.next()
	if v == nil {
		return uuid.NullUUID{}
	}
	if len(v) != 16 {
		d.fail(errors.New("uuid is not 16 bytes"))
		return uuid.NullUUID{}
	}
	return uuid.NullUUID{UUID: uuid.UUID(v), Valid: true}
}

func (d *rawDecoder) time() dbTime {
	v := d.next()
	if len(v) != 8 {
		d.fail(errors.New("timestamp is not 8 bytes"))
		return dbTime{}
	}
	us := int64(binary.BigEndian.Uint64(v))
	return dbTime{Time: postgresEpoch.Add(time.Duration(us) * time.Microsecond)}
}

// text returns the column as a string, reusing one of known when it matches
// so that repeated values such as roles cost no allocation.
func (d *rawDecoder) text(known ...string) string {
	v := d.next()
	for _, k := range known {
		if string(v) == k {
			return k
		}
	}
	return string(v)
}
