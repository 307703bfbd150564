//go:build !linux

package main

import "context"

// browserFaults counts page faults only on Linux (from /proc).
func browserFaults(ctx context.Context) (int64, bool) { return 0, false }

// pageFaultMicros is measured only on Linux.
func pageFaultMicros() (float64, bool) { return 0, false }

// browserFaultsByType counts page faults only on Linux (from /proc).
func browserFaultsByType(ctx context.Context) (map[string]int64, bool) { return nil, false }

// faultsBetween has nothing to say without counts.
func faultsBetween(a, b map[string]int64) string { return "" }

// browserFaultsByThread counts page faults only on Linux (from /proc).
func browserFaultsByThread(ctx context.Context) (map[string]int64, bool) { return nil, false }

// mainThread is browserFaultsByThread's key for the renderers' main threads.
const mainThread = "renderer chromium"
