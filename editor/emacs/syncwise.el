;;; syncwise.el --- syncwise for Emacs: eglot and flymake  -*- lexical-binding: t; -*-

;; Two ways to see syncwise findings in C buffers:
;;
;; - eglot (Emacs 29 has it built in): `syncwise lsp' as the C server, with
;;   findings as you type and their traces.  Eglot runs one server per major
;;   mode, so this replaces clangd for C buffers:
;;       (require 'syncwise)
;;       (syncwise-eglot-setup)          ; then M-x eglot in a C buffer
;;
;; - flymake, next to whatever else you use (clangd through eglot, say):
;;   runs `syncwise --format json' on the saved file.
;;       (require 'syncwise)
;;       (add-hook 'c-mode-hook #'syncwise-flymake-setup)

;;; Code:

(require 'flymake)
(require 'json)

(defvar eglot-server-programs)

(defgroup syncwise nil
  "Does this C code need to be async?"
  :group 'tools)

(defcustom syncwise-executable "syncwise"
  "The syncwise program."
  :type 'string)

(defcustom syncwise-arguments '()
  "Extra arguments for `syncwise --format json' (for example (\"-p\" \"build\"))."
  :type '(repeat string))

;;;###autoload
(defun syncwise-eglot-setup ()
  "Use `syncwise lsp' as eglot's server for C buffers."
  (require 'eglot)
  (add-to-list 'eglot-server-programs
               `((c-mode c-ts-mode) . (,syncwise-executable "lsp"))))

(defvar-local syncwise--flymake-proc nil)

(defun syncwise--level (level)
  (pcase level
    ("error" :error)
    ("warning" :warning)
    (_ :note)))

(defun syncwise-flymake (report-fn &rest _args)
  "Flymake backend: syncwise findings for the file of the current buffer.
It reads the file on disk, so findings follow saves."
  (when (process-live-p syncwise--flymake-proc)
    (kill-process syncwise--flymake-proc))
  (let* ((source (current-buffer))
         (file (buffer-file-name))
         (default-directory (file-name-directory file)))
    (setq syncwise--flymake-proc
          (make-process
           :name "syncwise-flymake" :noquery t :connection-type 'pipe
           :buffer (generate-new-buffer " *syncwise-flymake*")
           :command `(,syncwise-executable "--format" "json" "--fail-on" "never"
                      ,@syncwise-arguments ,file)
           :sentinel
           (lambda (proc _event)
             (when (memq (process-status proc) '(exit signal))
               (unwind-protect
                   (when (with-current-buffer source
                           (eq proc syncwise--flymake-proc))
                     (with-current-buffer (process-buffer proc)
                       (goto-char (point-min))
                       (let* ((json-object-type 'alist) (json-array-type 'list)
                              (doc (ignore-errors (json-read)))
                              (dir (process-get proc 'dir))
                              diags)
                         (dolist (d (alist-get 'diagnostics doc))
                           (when (string= (expand-file-name (alist-get 'file d) dir)
                                          (process-get proc 'file))
                             (with-current-buffer source
                               (let ((beg (flymake-diag-region
                                           source (alist-get 'line d) (alist-get 'column d))))
                                 (push (flymake-make-diagnostic
                                        source (car beg) (cdr beg)
                                        (syncwise--level (alist-get 'level d))
                                        (format "%s [%s]" (alist-get 'message d) (alist-get 'rule d)))
                                       diags)))))
                         (funcall report-fn diags))))
                 (kill-buffer (process-buffer proc)))))))
    (process-put syncwise--flymake-proc 'dir default-directory)
    (process-put syncwise--flymake-proc 'file (expand-file-name file))))

;;;###autoload
(defun syncwise-flymake-setup ()
  "Add syncwise to flymake's backends in this buffer and turn flymake on."
  (add-hook 'flymake-diagnostic-functions #'syncwise-flymake nil t)
  (flymake-mode 1))

(provide 'syncwise)
;;; syncwise.el ends here
