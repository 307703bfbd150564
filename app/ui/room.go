package ui

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// storageCapacity is what Chromium's localStorage holds per site, in
// characters of keys and values (measured: 5,241,821 ASCII or accented
// characters before the quota error); Firefox and Safari allow about as much.
const storageCapacity = 5_242_880

// storageWarn is the share of the capacity past which Gloss warns.
const storageWarn = 0.8

// room is how much of the browser's storage the library takes.
type room struct {
	used      int  // characters
	persisted bool // the browser promised to keep the storage
	warned    bool // the warning was shown this session
	later     bool // the start left the count for after the first paint
}

// roomHintSetting is the library setting that keeps the storage used as a
// tab last counted it, in characters. Counting reads every record (7–78 ms
// at start with 300 articles); below roomShown nothing on the first screen
// depends on the count, so a start whose hint is well below it counts after
// the first paint instead.
const roomHintSetting = "room"

// roomHintStep is how far the count moves from the hint before the hint is
// written again: about one setting write per 260,000 characters stored.
const roomHintStep = storageCapacity / 20

// roomLaterBelow is the hint under which the start counts after the first
// paint (40 %). The margin to roomShown is twice roomHintStep: each tab
// writes the hint again once its count moved that far, so only writes no
// tab counted (another tab's annotations alone growing by ~10 % of the
// storage) could hide a room line or a warning until the count after the
// first paint, which is exact and then shows them.
const roomLaterBelow = roomShown*storageCapacity - 2*roomHintStep

// startRoom measures the storage at start, or, when the library's hint says
// the count cannot change the first screen, leaves it to roomAfterPaint.
func (a *App) startRoom() {
	if !app.IsClient || !a.persistent {
		return
	}
	if h, ok := a.roomHint(); ok && h < roomLaterBelow {
		a.room.later = true
		return
	}
	a.updateRoom()
}

// roomAfterPaint counts what the start left, and writes the hint that lets
// the next start leave it (the settings' JSON encoder is not run, nor
// compiled, before the first paint). It runs once the rest is mounted, so
// updateRoom keeps the hint itself.
func (a *App) roomAfterPaint() {
	if a.room.later {
		a.room.later = false
		a.updateRoom()
		return
	}
	a.keepRoomHint()
}

// roomHint returns the library's hint, when it holds one.
func (a *App) roomHint() (used int, ok bool) {
	h, err := strconv.Atoi(a.lib.Setting(roomHintSetting))
	return h, err == nil && h >= 0
}

// keepRoomHint writes the storage used into the library's hint when it has
// none or the count moved roomHintStep from it. A refused write (a full or
// read-only storage) leaves the hint as it was: the next start counts at
// once if the hint is missing or high, and after the paint, exactly, if not.
func (a *App) keepRoomHint() {
	if !app.IsClient || !a.persistent || a.lib == nil || a.room.later {
		return
	}
	if h, ok := a.roomHint(); ok && max(h-a.room.used, a.room.used-h) < roomHintStep {
		return
	}
	_ = a.lib.SaveSetting(roomHintSetting, strconv.Itoa(a.room.used))
}

// updateRoom measures the storage used (one pass in JavaScript, no copy
// into Go), asks the browser to keep it once there is something to keep,
// and warns once when it is nearly full.
func (a *App) updateRoom() {
	if !app.IsClient || !a.persistent {
		return
	}
	a.room.used = storageUsed()
	if len(a.metas) > 0 && !a.room.persisted {
		var cb app.Func
		cb = app.FuncOf(func(this app.Value, args []app.Value) any {
			cb.Release()
			ok := args[0].Bool()
			a.ctx.Dispatch(func(ctx app.Context) { a.room.persisted = ok })
			return nil
		})
		glossJS().Call("persist", cb)
	}
	if a.rest {
		a.keepRoomHint()
	}
	if float64(a.room.used) > storageWarn*storageCapacity && !a.room.warned {
		a.room.warned = true
		a.msg = notice{Error: true,
			Text: fmt.Sprintf("The browser's storage is %d%% full: %s. Download a backup, and delete or export articles you are done with.",
				a.room.used*100/storageCapacity, roomFor(a.roomLeft())),
			Action: "Download backup",
			do:     func(ctx app.Context) { a.downloadBackup() },
		}
	}
}

// roomFor says how many more articles like the library's fit: n of them.
func roomFor(n int) string {
	switch n {
	case 0:
		return "not enough room for another article this size"
	case 1:
		return "room for about one more article like these"
	}
	return "room for about " + thousands(n) + " more articles like these"
}

// roomLeft estimates how many more articles of the library's average size fit.
func (a *App) roomLeft() int {
	if len(a.metas) == 0 || a.room.used == 0 {
		return 0
	}
	per := a.room.used / len(a.metas)
	return max(0, storageCapacity-a.room.used) / max(per, 1)
}

// roomShown is the share of the storage from which the library shows how
// much is used: below it, the line would only take room from the list.
const roomShown = 0.5

func (a *App) renderRoom() app.UI {
	if !a.persistent || float64(a.room.used) < roomShown*storageCapacity {
		return app.Div().Hidden(true)
	}
	pct := a.room.used * 100 / storageCapacity
	kept := "the browser may clear it when the disk is short of space"
	if a.room.persisted {
		kept = "the browser keeps it"
	}
	cls := "room"
	if float64(a.room.used) > storageWarn*storageCapacity {
		cls += " full"
	}
	return app.Div().Class(cls).DataSet("testid", "storage-room").Body(
		app.Meter().Max(100).Value(pct).Attr("aria-label", "Storage used"),
		app.P().Class("muted").Text(fmt.Sprintf("Storage %d%% used (%s of about %s characters): %s; %s.",
			pct, thousands(a.room.used), thousands(storageCapacity), roomFor(a.roomLeft()), kept)),
	)
}
