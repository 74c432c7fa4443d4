// Passkeys (WebAuthn) for the account forms marked data-passkey="create" or "get". On submit: fetch the options from
// the server (posting the form itself, so its antiforgery token comes along), let the browser create or use a passkey,
// put the browser's answer into the form's CredentialJson field and send the form on to the page.
(() => {
    'use strict';

    function showError(form, message) {
        const output = form.querySelector('[data-passkey-error]');
        if (output) {
            output.textContent = message;
            output.hidden = false;
        }
    }

    async function ceremony(form) {
        const kind = form.dataset.passkey;
        const response = await fetch(form.dataset.passkeyOptions, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
        if (!response.ok) {
            throw new Error(response.status === 429 ? 'Too many attempts. Wait a minute, then try again.' : 'The shop could not start the passkey request.');
        }

        const options = await response.json();
        const credential = kind === 'create'
            ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
            : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.elements.namedItem('CredentialJson').value = JSON.stringify(credential);
        form.submit();
    }

    document.addEventListener('submit', event => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.dataset.passkey) {
            return;
        }

        event.preventDefault();
        if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
            showError(form, 'This browser does not support passkeys.');
            return;
        }

        ceremony(form).catch(error => showError(form,
            error.name === 'NotAllowedError' ? 'The passkey request was cancelled or timed out.' : error.message));
    });
})();
