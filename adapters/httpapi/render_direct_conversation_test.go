package httpapi

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

func TestAppendUUIDMatchesString(t *testing.T) {
	for _, id := range []domain.ID{uuid.Nil, uuid.Max, domain.NewID(), uuid.New()} {
		require.Equal(t, id.String(), string(appendUUID(nil, id)))
		require.Equal(t, "x"+id.String(), string(appendUUID([]byte("x"), id)))
	}
}
