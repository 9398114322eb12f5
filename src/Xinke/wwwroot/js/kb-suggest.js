// "Search before you file": shows knowledge-base articles matching a ticket's title while it is typed.
// The server renders the suggestions (encoded HTML); this script only fetches and places them.
(function () {
    'use strict';
    document.querySelectorAll('[data-kb-suggest-for]').forEach(function (box) {
        var field = document.getElementById(box.getAttribute('data-kb-suggest-for'));
        var url = box.getAttribute('data-kb-suggest-url');
        if (!field || !url) {
            return;
        }

        var timer = null;
        var asked = '';
        field.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                var q = field.value.trim();
                if (q === asked) {
                    return;
                }

                asked = q;
                if (q.length < 2) {
                    box.innerHTML = '';
                    return;
                }

                fetch(url + '?q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
                    .then(function (response) { return response.ok ? response.text() : ''; })
                    .then(function (html) {
                        if (asked === q) {
                            box.innerHTML = html;
                        }
                    })
                    .catch(function () { box.innerHTML = ''; });
            }, 300);
        });
    });
})();
