// Follows the packs still being built: polls each one's status and reloads the page once any is finished.
(function () {
    'use strict';
    var rows = document.querySelectorAll('tr[data-pack-url]');
    if (rows.length === 0) {
        return;
    }

    function poll() {
        var pending = [];
        rows.forEach(function (row) {
            pending.push(fetch(row.getAttribute('data-pack-url'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (pack) {
                    if (!pack) {
                        return false;
                    }

                    row.querySelector('[data-testid="pack-progress"]').textContent = pack.done + ' / ' + pack.total;
                    var bar = row.querySelector('progress');
                    if (bar) {
                        bar.max = Math.max(1, pack.total);
                        bar.value = pack.done;
                    }

                    return pack.status !== 'queued' && pack.status !== 'running';
                }));
        });
        Promise.all(pending).then(function (finished) {
            if (finished.some(function (done) { return done; })) {
                window.location.reload();
            } else {
                window.setTimeout(poll, 2000);
            }
        });
    }

    window.setTimeout(poll, 1000);
})();
