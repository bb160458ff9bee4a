// Behaviour of the pages; kept out of the HTML because the Content-Security-Policy forbids inline scripts.

// Large exports (links marked data-long-download) take a while before the first byte arrives. They are
// fetched here so that the page can say the download is being prepared and how much has arrived, and
// can show a refusal such as "too many exports are running" in place. Anything unexpected (an expired
// session, an error page) falls back to following the link as the browser would.
(function () {
  'use strict';

  function statusFor(link) {
    var container = link.closest('[id]') || document;
    return container.querySelector('[data-export-status]');
  }

  function fileName(response, fallback) {
    var disposition = response.headers.get('Content-Disposition') || '';
    var encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (encoded) {
      try {
        return decodeURIComponent(encoded[1]);
      } catch (ignored) {
        // fall through to the plain name
      }
    }
    var plain = /filename="?([^";]+)"?/i.exec(disposition);
    return plain ? plain[1] : fallback;
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = name;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function show(status, text, busy) {
    status.textContent = '';
    if (busy) {
      var spinner = document.createElement('span');
      spinner.className = 'spinner-border spinner-border-sm me-1';
      spinner.setAttribute('aria-hidden', 'true');
      status.appendChild(spinner);
    }
    status.appendChild(document.createTextNode(text));
  }

  function megabytes(bytes) {
    var lang = document.documentElement.lang || undefined;
    return (bytes / 1048576).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + ' MB';
  }

  function read(response, status, preparing) {
    var reader = response.body.getReader();
    var chunks = [];
    var received = 0;
    function next() {
      return reader.read().then(function (part) {
        if (part.done) {
          return new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' });
        }
        chunks.push(part.value);
        received += part.value.length;
        show(status, preparing + ' ' + megabytes(received), true);
        return next();
      });
    }
    return next();
  }

  // The overview may filter in place and push the filters into the address bar: an export takes
  // the filters it applies (light, gateway, rule) from there, so that it matches the table shown.
  function withCurrentFilters(link) {
    var url = new URL(link.href, window.location.href);
    var current = new URLSearchParams(window.location.search);
    ['light', 'gateway', 'rule'].forEach(function (name) {
      url.searchParams.delete(name);
      if (current.get(name)) {
        url.searchParams.set(name, current.get(name));
      }
    });
    return url.toString();
  }

  function download(link, status) {
    var href = link.hasAttribute('data-export-filters') ? withCurrentFilters(link) : link.href;
    var preparing = status.getAttribute('data-preparing') || '';
    link.classList.add('disabled');
    link.setAttribute('aria-disabled', 'true');
    show(status, preparing, true);
    var done = function () {
      link.classList.remove('disabled');
      link.removeAttribute('aria-disabled');
    };
    fetch(href, { credentials: 'same-origin', headers: { 'Accept': 'text/csv, application/pdf, text/plain' } })
      .then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (response.status === 503 && type.indexOf('text/plain') === 0) {
          return response.text().then(function (text) { show(status, text, false); });
        }
        if (!response.ok || response.redirected || type.indexOf('text/html') === 0 || !response.body) {
          window.location.assign(href);
          return null;
        }
        return read(response, status, preparing).then(function (blob) {
          save(blob, fileName(response, 'export'));
          show(status, '', false);
        });
      })
      .catch(function () { window.location.assign(href); })
      .then(done, done);
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-long-download]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    var status = statusFor(link);
    if (!status || !window.fetch || !window.Blob || !window.URL || !window.ReadableStream) {
      return;
    }
    event.preventDefault();
    if (link.getAttribute('aria-disabled') === 'true') {
      return;
    }
    download(link, status);
  });
}());
