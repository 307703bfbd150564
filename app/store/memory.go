package store

import (
	"errors"
	"sort"
	"sync"
)

// ErrQuota is wrapped by backends when a write is refused for lack of space
// (localStorage's QuotaExceededError, Memory.Quota).
var ErrQuota = errors.New("storage quota exceeded")

// Memory is an in-memory Backend for tests and for when the browser's
// storage cannot be used. It is safe for concurrent use.
type Memory struct {
	// Quota is the most bytes of keys plus values Memory holds; 0 means no
	// limit. A Set beyond it fails with ErrQuota and changes nothing, which
	// lets tests simulate a full localStorage.
	Quota int

	mu   sync.Mutex
	m    map[string]string
	used int
}

// NewMemory returns an empty Memory without a quota.
func NewMemory() *Memory { return &Memory{m: map[string]string{}} }

// Get returns the value stored under key.
func (m *Memory) Get(key string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[key]
	return v, ok, nil
}

// Set stores value under key, or fails with ErrQuota leaving the previous
// value in place.
func (m *Memory) Set(key, value string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = map[string]string{}
	}
	old, had := m.m[key]
	used := m.used + len(value)
	if had {
		used -= len(old)
	} else {
		used += len(key)
	}
	if m.Quota > 0 && used > m.Quota {
		return ErrQuota
	}
	m.m[key] = value
	m.used = used
	return nil
}

// Delete removes key; removing a missing key is not an error.
func (m *Memory) Delete(key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.m[key]; ok {
		m.used -= len(key) + len(old)
		delete(m.m, key)
	}
	return nil
}

// Keys returns every key, sorted.
func (m *Memory) Keys() ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]string, 0, len(m.m))
	for k := range m.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}

// Used is the bytes of keys plus values held, as counted against Quota.
func (m *Memory) Used() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.used
}
