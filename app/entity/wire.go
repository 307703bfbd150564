package entity

import (
	"errors"
	"fmt"
	"unsafe"

	gtext "gloss/app/text"
)

// A build's result crosses from the build worker to the page as bytes:
// EncodeBuild writes Build's entities and index, DecodeBuild reads them
// back. Most of an Index is flat arrays of numbers, tokens and spans; they
// are written as they lie in memory and read back in place, without a copy
// or a loop per element, so that taking in a 5 MB article's result costs
// the page a memory copy rather than a build. Both ends are the same Go
// program's layout (GOARCH=wasm, or the same native build in tests):
// wireLayout says so, and a message of another layout or version is
// refused rather than misread. The text is not sent: both ends have it.

// wireVersion changes whenever what EncodeBuild writes changes.
const wireVersion = 5 // 2: token.plain; 3: the headline marks out of token (24 bytes, was 28); 4: the index, then the entities' names and types apart; 5: a hand-over's entities as names and types too

// wireLayout fingerprints the in-memory layout of the types written raw.
var wireLayout = uint64(unsafe.Sizeof(token{}))<<48 | uint64(unsafe.Sizeof(gtext.Span{}))<<40 |
	uint64(unsafe.Sizeof(int(0)))<<32 | uint64(unsafe.Offsetof(token{}.join))<<24 | wireVersion

// wireWriter appends sections, each 8-byte aligned, to a message: into b,
// or when ref is set, a large section by reference to where it lies (a
// part of its own), the small writes between them in b.
type wireWriter struct {
	b     []byte
	ref   bool
	parts [][]byte // the message before b (ref)
	n     int      // bytes in parts
}

// wireRefMin is the smallest section a ref writer does not copy.
const wireRefMin = 32 << 10

func (w *wireWriter) u64(v uint64) {
	w.b = append(w.b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24), byte(v>>32), byte(v>>40), byte(v>>48), byte(v>>56))
}

func (w *wireWriter) align() {
	for (w.n+len(w.b))%8 != 0 {
		w.b = append(w.b, 0)
	}
}

// raw writes p: copied, or referenced (ref and large).
func (w *wireWriter) raw(p []byte) {
	if !w.ref || len(p) < wireRefMin {
		w.b = append(w.b, p...)
		return
	}
	if len(w.b) > 0 {
		w.parts = append(w.parts, w.b)
		w.n += len(w.b)
		w.b = w.b[len(w.b):] // what follows goes after it
	}
	w.parts = append(w.parts, p)
	w.n += len(p)
}

// message is what was written, in parts.
func (w *wireWriter) message() [][]byte {
	if len(w.b) > 0 || len(w.parts) == 0 {
		return append(w.parts, w.b)
	}
	return w.parts
}

// putSlice writes s: its length (1 + len, 0 for nil) then its memory.
func putSlice[T any](w *wireWriter, s []T) {
	if s == nil {
		w.u64(0)
		return
	}
	w.u64(uint64(len(s)) + 1)
	if len(s) > 0 {
		var zero T
		w.raw(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*int(unsafe.Sizeof(zero))))
	}
	w.align()
}

func putString(w *wireWriter, s string) {
	w.u64(uint64(len(s)))
	w.raw(unsafe.Slice(unsafe.StringData(s), len(s)))
	w.align()
}

// wireReader reads a message in place: the slices and strings it returns
// share its bytes, which must not change afterwards.
type wireReader struct {
	b   []byte
	off int
}

var errWireShort = errors.New("entity: build message cut short")

func (r *wireReader) u64() uint64 {
	if r.off+8 > len(r.b) {
		panic(errWireShort)
	}
	b := r.b[r.off:]
	r.off += 8
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func (r *wireReader) bytes(n uint64) []byte {
	if n > uint64(len(r.b)-r.off) {
		panic(errWireShort)
	}
	b := r.b[r.off : r.off+int(n) : r.off+int(n)]
	r.off = (r.off + int(n) + 7) &^ 7
	r.off = min(r.off, len(r.b))
	return b
}

// getSlice reads what putSlice wrote, sharing the message's memory; its
// capacity is its length, so an append never writes over what follows.
func getSlice[T any](r *wireReader) []T {
	n := r.u64()
	if n == 0 {
		return nil
	}
	n--
	var zero T
	size := uint64(unsafe.Sizeof(zero))
	if n > uint64(len(r.b))/max(size, 1) {
		panic(errWireShort)
	}
	b := r.bytes(n * size)
	if n == 0 {
		return []T{}
	}
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), n)[:n:n]
}

func getString(r *wireReader) string {
	b := r.bytes(r.u64())
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// wireStrings numbers the distinct strings of a message.
type wireStrings struct {
	ids   map[string]uint32
	arena []byte
	offs  []uint32
}

// id is the number of v, written once.
func (s *wireStrings) id(v string) uint32 {
	if id, ok := s.ids[v]; ok {
		return id
	}
	id := s.add(v)
	s.ids[v] = id
	return id
}

// add writes v and returns its number.
func (s *wireStrings) add(v string) uint32 {
	id := uint32(len(s.offs) - 1)
	s.arena = append(s.arena, v...)
	s.offs = append(s.offs, uint32(len(s.arena)))
	return id
}

// put writes the table: its arena, then its offsets (getStrings reads it).
func (s *wireStrings) put(w *wireWriter) {
	w.u64(uint64(len(s.arena)))
	w.raw(s.arena)
	w.align()
	putSlice(w, s.offs)
}

// getStrings reads a string table wireStrings.put wrote: the strings share
// the message's memory.
func getStrings(r *wireReader) []string {
	arena := getString(r)
	offs := getSlice[uint32](r)
	strs := make([]string, max(len(offs)-1, 0))
	for i := range strs {
		step(i)
		strs[i] = arena[offs[i]:offs[i+1]]
	}
	return strs
}

// lookup is the strings of a list of string numbers.
func lookup(strs []string, ids []uint32) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		step(i)
		out[i] = strs[id]
	}
	return out
}

// nilLen is 1 + len(s), 0 when s is nil.
func nilLen[T any](s []T) uint32 {
	if s == nil {
		return 0
	}
	return uint32(len(s)) + 1
}

// EncodeBuild writes what Build returned (ents and the index made with
// them) as one message for DecodeBuild. The index must be fresh: not yet
// searched.
func EncodeBuild(ents []Entity, x *Index) ([]byte, error) {
	m, err := encodeBuild(ents, x, false)
	if err != nil {
		return nil, err
	}
	return m[0], nil
}

// EncodeBuildParts writes EncodeBuild's message in parts, which joined are
// that message: its large arrays are not copied but referenced where they
// lie in ents and x, which must not change until the parts are read. A
// caller that copies the message elsewhere (the build worker, into the
// buffer it hands the page) copies it once, without a message-sized
// allocation in Go (a 5 MB article's is ~60 MB, and on a worker's heap of
// ~300 MB it also brought a collection).
func EncodeBuildParts(ents []Entity, x *Index) ([][]byte, error) {
	return encodeBuild(ents, x, true)
}

func encodeBuild(ents []Entity, x *Index, ref bool) ([][]byte, error) {
	if x == nil || len(x.ents) != len(ents) || len(ents) > 0 && &x.ents[0] != &ents[0] {
		return nil, errors.New("entity: EncodeBuild wants Build's entities and index")
	}
	if x.words != nil || x.lastWord.ms != nil || x.lastWord.w != "" || x.stack != nil || x.typos != nil {
		return nil, errors.New("entity: EncodeBuild wants an index not yet searched")
	}
	w := &wireWriter{ref: ref}
	if ref {
		w.b = make([]byte, 0, 4<<10)
	} else {
		w.b = make([]byte, 0, 1<<10+x.wireSize())
	}
	w.u64(wireLayout)
	w.u64(uint64(len(x.text)))
	// As a shared build's two messages write them (split_apart.go): the
	// index, the entities' names, then their types.
	putIndex(w, x)
	putEntityNames(w, ents)
	putEntityTypes(w, ents)
	return w.message(), nil
}

// putIndex writes the index's arrays (its entities aside).
func putIndex(w *wireWriter, x *Index) {
	putSlice(w, x.byKey.slots)
	putSlice(w, x.dstart)
	putSlice(w, x.dend)
	putString(w, x.arena)
	putSlice(w, x.offs)
	putSlice(w, x.masks)
	putSlice(w, x.entity)
	putSlice(w, x.mflat)
	putSlice(w, x.mstart)
	putSlice(w, x.toks)
	putSlice(w, x.tokWord)
	putSlice(w, x.post)
	putSlice(w, x.postStart)
	putSlice(w, x.single)
	putSlice(w, x.rlen)
	putLists(w, x.byLen)
	putSlice(w, x.byNorm.slots)
	putListMap(w, x.prefix1)
	putListMap(w, x.prefix2)
}

// wireSize is about what EncodeBuild writes of the index, in bytes.
func (x *Index) wireSize() int {
	return len(x.byKey.slots)*4 + len(x.dstart)*(4+4+4+8+4+1+1) + len(x.byNorm.slots)*4 + len(x.arena) + len(x.offs)*4 +
		len(x.mflat)*int(unsafe.Sizeof(gtext.Span{})) + len(x.mstart)*4 + len(x.toks)*int(unsafe.Sizeof(token{})) +
		len(x.tokWord)*4 + len(x.post)*4 + len(x.postStart)*4 + 8*len(x.dstart) + 1<<12
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// putLists writes lists of ids as one flat list and each one's count (1 +
// its length, 0 for nil).
// putListMap writes a map of lists (the index's prefix lists) as its keys,
// its lists in the same order, and whether it is nil.
func putListMap[K comparable](w *wireWriter, m map[K][]int32) {
	keys := make([]K, 0, len(m))
	lists := make([][]int32, 0, len(m))
	for k, ids := range m {
		keys = append(keys, k)
		lists = append(lists, ids)
	}
	putSlice(w, keys)
	putLists(w, lists)
	w.u64(boolBit(m != nil))
}

// getListMap reads what putListMap wrote.
func getListMap[K comparable](r *wireReader) map[K][]int32 {
	keys := getSlice[K](r)
	lists := getLists(r)
	if r.u64() == 0 {
		return nil
	}
	m := make(map[K][]int32, len(keys))
	for i, k := range keys {
		step(i)
		m[k] = lists[i]
	}
	return m
}

func putLists(w *wireWriter, lists [][]int32) {
	counts := make([]uint32, len(lists))
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	var flat []int32 // nil when empty, as the message says
	if n > 0 {
		flat = make([]int32, 0, n)
	}
	for i, l := range lists {
		counts[i] = nilLen(l)
		flat = append(flat, l...)
	}
	w.u64(boolBit(lists != nil))
	putSlice(w, counts)
	putSlice(w, flat)
}

func getLists(r *wireReader) [][]int32 {
	isNil := r.u64() == 0
	counts := getSlice[uint32](r)
	flat := getSlice[int32](r)
	if isNil {
		return nil
	}
	lists := make([][]int32, len(counts))
	at := 0
	for i, c := range counts {
		step(i) // a search index's lists are hundreds of thousands
		if c == 0 {
			continue
		}
		lists[i] = cut(flat, &at, c-1)
	}
	return lists
}

// cut returns the next n of s from *at on, never nil, its capacity its
// length (an append never writes over the next one's).
func cut[T any](s []T, at *int, n uint32) []T {
	if n == 0 {
		return []T{}
	}
	a, b := *at, *at+int(n)
	*at = b
	return s[a:b:b]
}

// NewBuildBuffer returns n bytes aligned for DecodeBuild: a message copied
// into it is read in place.
func NewBuildBuffer(n int) []byte {
	words := make([]uint64, (n+7)/8)
	if n == 0 {
		return []byte{}
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(words))), n)
}

// alignedMessage returns msg, or a copy of it aligned as NewBuildBuffer's
// when it is not: the decoders read its flat arrays in place.
func alignedMessage(msg []byte) []byte {
	if len(msg) > 0 && uintptr(unsafe.Pointer(unsafe.SliceData(msg)))%8 != 0 {
		return append(NewBuildBuffer(len(msg))[:0], msg...)
	}
	return msg
}

// readMessage reads msg, a message of the given kind, with read: it
// aligns msg (alignedMessage), checks its first word is layout, turns a
// panic of read's (a message cut short, lengths out of range) into an
// error and checks read used every byte. The five decoders share it so
// that each refuses a bad message the same way.
func readMessage(kind string, layout uint64, msg []byte, read func(r *wireReader) error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			if e, ok := v.(error); ok {
				err = fmt.Errorf("entity: a bad %s message: %w", kind, e)
			} else {
				err = fmt.Errorf("entity: a bad %s message: %v", kind, v)
			}
		}
	}()
	r := &wireReader{b: alignedMessage(msg)}
	if l := r.u64(); l != layout {
		return fmt.Errorf("entity: not a %s message of this version and layout (%#x, want %#x)", kind, l, layout)
	}
	if err := read(r); err != nil {
		return err
	}
	if r.off != len(r.b) {
		return fmt.Errorf("entity: a %s message with bytes left over", kind)
	}
	return nil
}

// textLen reads a message's text length and checks it is n's.
func (r *wireReader) textLen(kind string, n int) error {
	if l := r.u64(); l != uint64(n) {
		return fmt.Errorf("entity: a %s message for a text of %d bytes, not %d", kind, l, n)
	}
	return nil
}

// DecodeBuild reads a message EncodeBuild wrote for text: the entities and
// the index Build returned, equal to them field for field. The result
// shares msg's memory: msg must not change afterwards (it is copied first
// when it is not aligned as NewBuildBuffer's). It calls Pause between
// steps like Build.
func DecodeBuild(text string, msg []byte) (ents []Entity, x *Index, err error) {
	err = readMessage("build", wireLayout, msg, func(r *wireReader) error {
		if err := r.textLen("build", len(text)); err != nil {
			return err
		}
		x = &Index{text: text}
		getIndex(r, x)
		var err error
		if ents, _, err = getEntityNames(r); err != nil {
			return err
		}
		x.ents = ents
		return getEntityTypes(r, ents)
	})
	if err != nil {
		return nil, nil, err
	}
	return ents, x, nil
}

// getIndex reads what putIndex wrote into x.
func getIndex(r *wireReader, x *Index) {
	x.byKey.slots = getSlice[int32](r)
	x.dstart = getSlice[int32](r)
	x.dend = getSlice[int32](r)
	x.arena = getString(r)
	x.offs = getSlice[uint32](r)
	x.masks = getSlice[uint64](r)
	x.entity = getSlice[int32](r)
	x.mflat = getSlice[gtext.Span](r)
	x.mstart = getSlice[int32](r)
	x.toks = getSlice[token](r)
	x.tokWord = getSlice[int32](r)
	x.post = getSlice[int32](r)
	x.postStart = getSlice[int32](r)
	x.single = getSlice[bool](r)
	x.rlen = getSlice[uint8](r)
	x.byLen = getLists(r)
	x.byNorm.slots = getSlice[int32](r)
	x.prefix1 = getListMap[rune](r)
	x.prefix2 = getListMap[[2]rune](r)
}
