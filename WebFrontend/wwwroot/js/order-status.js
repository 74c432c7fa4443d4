// Follows an order on its page without a reload: asks the frontend for the order's status (GET /orders/{id}/status)
// and updates the status, the reason and the cancel button in place. Right after checkout the order may not be
// recorded yet (the page is marked data-order-recording and the status answers 202): then it waits for the order to appear and swaps in the
// page's full content, still without a reload. Without JavaScript the page works too: it shows the status at load
// time and a link to refresh it.
(() => {
    "use strict";

    // Quick while the workflow runs (seconds), slow once paid (shipping is an operator's step), backing off on errors.
    const firstDelay = 1000;
    const maxActiveDelay = 5000;
    const paidDelay = 30000;
    const errorDelay = 30000;
    // A just-placed order that never shows up stops being watched after about this long; the refresh link stays.
    const recordingPatience = 5 * 60 * 1000;

    const dateFormat = new Intl.DateTimeFormat("en-GB", {
        day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC",
    });

    function follow(section) {
        const url = section.dataset.orderStatusUrl;
        const recording = section.hasAttribute("data-order-recording");
        const since = Date.now();
        const status = section.querySelector("[data-order-status]");
        const reason = section.querySelector("[data-order-reason]");
        const updated = section.querySelector("[data-order-updated]");
        const refresh = section.querySelector("[data-order-refresh]");
        const cancel = section.querySelector("[data-order-cancel]");
        let delay = firstDelay;

        function show(order) {
            status.textContent = order.status;
            status.className = "status status-" + order.status.toLowerCase();
            reason.textContent = order.reason ? "Reason: " + order.reason : "";
            reason.hidden = !order.reason;
            if (updated) {
                updated.textContent = dateFormat.format(new Date(order.updatedAt)) + " UTC";
            }

            if (cancel) {
                cancel.hidden = !order.canCancel;
            }
        }

        function growDelay() {
            delay = Math.min(Math.round(delay * 1.5), maxActiveDelay);
            return delay;
        }

        async function poll() {
            let wait = errorDelay;
            try {
                const response = await fetch(url, {
                    headers: { Accept: "application/json" }, cache: "no-store", credentials: "same-origin",
                });
                if (response.status === 202) {
                    // Not recorded yet (asked as a just-placed order): keep waiting for it, for a while.
                    if (Date.now() - since > recordingPatience) {
                        return;
                    }

                    wait = growDelay();
                } else if (response.ok && recording) {
                    await swapInRecordedOrder();
                    return;
                } else if (response.ok) {
                    const order = await response.json();
                    show(order);
                    if (order.isFinal) {
                        return;
                    }

                    wait = order.status === "Paid" ? paidDelay : growDelay();
                } else if (response.status === 404) {
                    return;
                }
            } catch {
                // Offline, or the frontend is restarting: try again later.
            }

            schedule(wait);
        }

        function schedule(wait) {
            setTimeout(() => {
                if (document.visibilityState === "hidden") {
                    document.addEventListener("visibilitychange", poll, { once: true });
                } else {
                    poll();
                }
            }, wait);
        }

        if (refresh) {
            refresh.hidden = true;
        }

        schedule(firstDelay);
    }

    // The order now exists: the page's own address renders it in full; its main content replaces the placeholder.
    async function swapInRecordedOrder() {
        const response = await fetch(location.href, { credentials: "same-origin", cache: "no-store" });
        if (!response.ok) {
            throw new Error("The order page answered " + response.status);
        }

        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const main = page.querySelector("main");
        document.querySelector("main").replaceChildren(...main.childNodes);
        document.title = page.title;
        start();
    }

    function start() {
        const section = document.querySelector("[data-order-status-url]");
        if (section) {
            follow(section);
        }
    }

    start();
})();
