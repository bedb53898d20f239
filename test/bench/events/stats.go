package main

import (
	"fmt"
	"slices"
	"time"
)

// quantile returns the q-quantile (0..1) of ds, nearest rank; ds is sorted
// in place.
func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	i := int(q*float64(len(ds))+0.5) - 1
	return ds[max(0, min(i, len(ds)-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }

// spread is p50, p99 and max of ds in milliseconds.
func spread(ds []time.Duration) string {
	if len(ds) == 0 {
		return "– | – | –"
	}
	return fmt.Sprintf("%s | %s | %s", ms(quantile(ds, 0.5)), ms(quantile(ds, 0.99)), ms(quantile(ds, 1)))
}

// lateness is how much later than every each interval came; an early beat
// counts as on time.
func lateness(intervals []time.Duration, every time.Duration) []time.Duration {
	out := make([]time.Duration, len(intervals))
	for i, d := range intervals {
		out[i] = max(0, d-every)
	}
	return out
}
