//go:build !linux

package main

import "context"

// browserFaults counts page faults only on Linux (from /proc).
func browserFaults(ctx context.Context) (int64, bool) { return 0, false }

// pageFaultMicros is measured only on Linux.
func pageFaultMicros() (float64, bool) { return 0, false }

// browserFaultsByType counts page faults only on Linux (from /proc).
func browserFaultsByType(ctx context.Context) (map[string]int64, bool) { return nil, false }

// browserFaultsByThread counts page faults only on Linux (from /proc).
func browserFaultsByThread(ctx context.Context) (map[string]int64, bool) { return nil, false }
