package ui

import (
	"fmt"

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
	if float64(a.room.used) > storageWarn*storageCapacity && !a.room.warned {
		a.room.warned = true
		a.msg = notice{Error: true,
			Text: fmt.Sprintf("The browser's storage is %d%% full: about %s more articles like these fit. Download a backup, and delete or export articles you are done with.",
				a.room.used*100/storageCapacity, thousands(a.roomLeft())),
			Action: "Download backup",
			do:     func(ctx app.Context) { a.downloadBackup() },
		}
	}
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
		app.P().Class("muted").Text(fmt.Sprintf("Storage %d%% used (%s of about %s characters): room for about %s more articles like these; %s.",
			pct, thousands(a.room.used), thousands(storageCapacity), thousands(a.roomLeft()), kept)),
	)
}
