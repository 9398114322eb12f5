// Follows the packs still being built: polls each one's status, shows its progress, and once it is
// finished shows its outcome and download link in place. A failed poll (a restart, a dropped
// connection, an answer that is not the pack) is retried, so the progress never freezes.
(function () {
    'use strict';

    function finish(row, pack) {
        row.removeAttribute('data-pack-url');
        row.querySelector('[data-testid="pack-status"]').textContent = row.getAttribute('data-status-' + pack.status) || pack.status;
        var bar = row.querySelector('progress');
        if (bar) {
            bar.remove();
        }

        row.querySelector('[data-testid="pack-sm3"]').textContent = pack.manifestSm3 || '';
        if (pack.download) {
            var link = document.createElement('a');
            link.href = pack.download;
            link.textContent = row.getAttribute('data-download-text');
            link.setAttribute('data-testid', 'pack-download');
            row.querySelector('[data-testid="pack-link"]').appendChild(link);
        }
    }

    function follow(row) {
        return fetch(row.getAttribute('data-pack-url'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (pack) {
                if (!pack || typeof pack.status !== 'string') {
                    return;
                }

                row.querySelector('[data-testid="pack-progress"]').textContent = pack.done + ' / ' + pack.total;
                var bar = row.querySelector('progress');
                if (bar) {
                    bar.max = Math.max(1, pack.total);
                    bar.value = pack.done;
                }

                if (pack.status !== 'queued' && pack.status !== 'running') {
                    finish(row, pack);
                }
            })
            .catch(function () { /* asked again at the next poll */ });
    }

    function poll() {
        var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-pack-url]'));
        if (rows.length === 0) {
            return;
        }

        Promise.all(rows.map(follow)).then(function () { window.setTimeout(poll, 2000); });
    }

    window.setTimeout(poll, 1000);
})();
