package jsonapi

// arenaChunk is the size of the blocks an arena hands out buffers from: a
// list page of 20 conversations with everything included needs about 25 KB
// of attribute and relationship objects.
const arenaChunk = 16 << 10

// Arena hands out the buffers of one document's pre-encoded objects from a
// few large blocks instead of one allocation per object. Every buffer is
// capped at its requested capacity, so an object that outgrows it moves to
// an allocation of its own instead of writing into its neighbour. A block
// lives as long as any resource that points into it.
type Arena struct {
	free []byte
}

// Buffer returns an empty buffer of the given capacity; a nil arena
// allocates it on its own.
func (a *Arena) Buffer(capacity int) []byte {
	if a == nil {
		return make([]byte, 0, capacity)
	}
	if len(a.free) < capacity {
		a.free = make([]byte, max(arenaChunk, capacity))
	}
	b := a.free[:0:capacity]
	a.free = a.free[capacity:]
	return b
}
