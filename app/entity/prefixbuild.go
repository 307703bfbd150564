package entity

// prefixLists builds Index.prefix1 and prefix2: the targets by their first
// letter and by their first two, each list best first. Each target's lists
// are found by number, through tables for letters below 128 (a map only
// for the others), and the maps are filled once per list: six map
// operations per target (count, look up, append, for each of two maps)
// were a tenth of a second of the build in wasm on a long article.
func prefixLists(x *Index, n int) (map[rune][]int32, map[[2]rune][]int32) {
	var p prefixNumbers
	b1 := make([]int32, n) // list of each target by its first letter
	b2 := make([]int32, n) // by its first two, -1 for none
	for id := range n {
		step(id)
		r0, r1, two := prefixOf(x.norm(int32(id)))
		b1[id] = p.one(r0)
		b2[id] = -1
		if two {
			b2[id] = p.two(r0, r1)
		}
	}
	lists1 := make([][]int32, len(p.keys1))
	for i, c := range p.count1 {
		lists1[i] = make([]int32, 0, c)
	}
	lists2 := make([][]int32, len(p.keys2))
	for i, c := range p.count2 {
		lists2[i] = make([]int32, 0, c)
	}
	for id := range n {
		step(id)
		lists1[b1[id]] = append(lists1[b1[id]], int32(id))
		if b := b2[id]; b >= 0 {
			lists2[b] = append(lists2[b], int32(id))
		}
	}
	m1 := make(map[rune][]int32, len(lists1))
	for i, r := range p.keys1 {
		m1[r] = lists1[i]
	}
	m2 := make(map[[2]rune][]int32, len(lists2))
	for i, k := range p.keys2 {
		m2[k] = lists2[i]
	}
	return m1, m2
}

// prefixNumbers numbers the first letters and first two letters seen, and
// counts the targets of each.
type prefixNumbers struct {
	ascii1 [128]int32 // 1 + the number of a first letter below 128, 0 for none yet
	ascii2 []int32    // 1 + the number of two letters below 128 (r0<<7 | r1)
	other1 map[rune]int32
	other2 map[[2]rune]int32
	keys1  []rune
	keys2  [][2]rune
	count1 []int32
	count2 []int32
}

func (p *prefixNumbers) one(r rune) int32 {
	if 0 <= r && r < 128 {
		if b := p.ascii1[r]; b > 0 {
			p.count1[b-1]++
			return b - 1
		}
		p.ascii1[r] = p.newOne(r) + 1
		return p.ascii1[r] - 1
	}
	if b, ok := p.other1[r]; ok {
		p.count1[b]++
		return b
	}
	if p.other1 == nil {
		p.other1 = map[rune]int32{}
	}
	p.other1[r] = p.newOne(r)
	return p.other1[r]
}

func (p *prefixNumbers) newOne(r rune) int32 {
	p.keys1 = append(p.keys1, r)
	p.count1 = append(p.count1, 1)
	return int32(len(p.keys1) - 1)
}

func (p *prefixNumbers) two(r0, r1 rune) int32 {
	if 0 <= r0 && r0 < 128 && 0 <= r1 && r1 < 128 {
		if p.ascii2 == nil {
			p.ascii2 = make([]int32, 128*128)
		}
		k := r0<<7 | r1
		if b := p.ascii2[k]; b > 0 {
			p.count2[b-1]++
			return b - 1
		}
		p.ascii2[k] = p.newTwo(r0, r1) + 1
		return p.ascii2[k] - 1
	}
	k := [2]rune{r0, r1}
	if b, ok := p.other2[k]; ok {
		p.count2[b]++
		return b
	}
	if p.other2 == nil {
		p.other2 = map[[2]rune]int32{}
	}
	p.other2[k] = p.newTwo(r0, r1)
	return p.other2[k]
}

func (p *prefixNumbers) newTwo(r0, r1 rune) int32 {
	p.keys2 = append(p.keys2, [2]rune{r0, r1})
	p.count2 = append(p.count2, 1)
	return int32(len(p.keys2) - 1)
}
