//! Calls: plain calls, method calls (`LOAD_METHOD`), keyword arguments
//! (`KW_NAMES`), and calls with `*args`/`**kwargs` (`CALL_FUNCTION_EX`).

use super::expr::Seq;
use super::{Compiler, Result};
use crate::bytecode::Opcode;
use crate::code::Constant;
use rustpython_parser::ast::{self, Expr, Ranged};

impl<'a> Compiler<'a> {
    pub(super) fn compile_call(&mut self, c: &'a ast::ExprCall) -> Result {
        if self.try_method_call(c)? {
            return Ok(());
        }
        match &*c.func {
            Expr::Name(n) if n.id.as_str() != "__debug__" && self.is_global_load(&n.id) => {
                // LOAD_GLOBAL with the push-null bit replaces PUSH_NULL + LOAD_GLOBAL.
                self.set_loc(n.range);
                let mangled = self.mangle(&n.id).into_owned();
                let i = self.name_index(&mangled);
                self.emit_arg(Opcode::LOAD_GLOBAL, (i << 1) | 1);
                self.set_loc(c.range);
            }
            func => {
                self.set_loc(func.range());
                self.emit(Opcode::PUSH_NULL);
                self.set_loc(c.range);
                self.compile_expr(func)?;
            }
        }
        self.call_helper(0, &c.args, &c.keywords)
    }

    /// `obj.meth(args)` as `LOAD_METHOD` + `CALL`, when there are no starred
    /// arguments and not too many of them.
    fn try_method_call(&mut self, c: &'a ast::ExprCall) -> Result<bool> {
        let Expr::Attribute(attr) = &*c.func else {
            return Ok(false);
        };
        let n = c.args.len() + c.keywords.len();
        if n + (!c.keywords.is_empty()) as usize >= super::STACK_USE_GUIDELINE
            || c.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.compile_expr(&attr.value)?;
        self.set_attr_loc(attr, attr.range);
        self.emit_name(Opcode::LOAD_METHOD, &attr.attr);
        self.set_loc(c.range);
        for a in &c.args {
            self.compile_expr(a)?;
        }
        self.keyword_values(&c.keywords)?;
        self.set_attr_loc(attr, c.range);
        self.emit_arg(Opcode::CALL, n as u32);
        Ok(true)
    }

    /// Pushes keyword argument values and emits `KW_NAMES` for them.
    fn keyword_values(&mut self, keywords: &'a [ast::Keyword]) -> Result {
        if keywords.is_empty() {
            return Ok(());
        }
        for k in keywords {
            self.compile_expr(&k.value)?;
        }
        let names =
            keywords.iter().map(|k| Constant::Str(k.arg.as_ref().map_or(String::new(), |a| a.to_string()))).collect();
        let i = self.add_const(Constant::Tuple(names));
        self.emit_arg(Opcode::KW_NAMES, i);
        Ok(())
    }

    /// Emits the arguments and the call, with the callable (and `pushed` extra
    /// leading arguments) already on the stack.
    pub(super) fn call_helper(&mut self, pushed: usize, args: &'a [Expr], keywords: &'a [ast::Keyword]) -> Result {
        let n = pushed + args.len() + keywords.len();
        let simple = !args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && !keywords.iter().any(|k| k.arg.is_none())
            && n < super::STACK_USE_GUIDELINE;
        if simple {
            for a in args {
                self.compile_expr(a)?;
            }
            self.keyword_values(keywords)?;
            self.emit_arg(Opcode::CALL, n as u32);
            return Ok(());
        }
        // Positional arguments as one tuple; a lone `*x` is passed as it is, and
        // CALL_FUNCTION_EX makes the tuple (naming the function if x is not iterable).
        match args {
            [Expr::Starred(st)] if pushed == 0 => self.compile_expr(&st.value)?,
            _ => self.starunpack(args, pushed, Seq::Tuple)?,
        }
        // Keyword arguments as one dict.
        let has_kwargs = !keywords.is_empty();
        if has_kwargs {
            let mut have_dict = false;
            let mut run_start = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if run_start < i {
                        self.subkwargs(&keywords[run_start..i])?;
                        if have_dict {
                            self.emit_arg(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                    }
                    if !have_dict {
                        self.emit_arg(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.compile_expr(&k.value)?;
                    self.emit_arg(Opcode::DICT_MERGE, 1);
                    run_start = i + 1;
                }
            }
            if run_start < keywords.len() {
                self.subkwargs(&keywords[run_start..])?;
                if have_dict {
                    self.emit_arg(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit_arg(Opcode::CALL_FUNCTION_EX, has_kwargs as u32);
        Ok(())
    }

    /// A dict of named keyword arguments.
    fn subkwargs(&mut self, keywords: &'a [ast::Keyword]) -> Result {
        let n = keywords.len();
        if n > 1 {
            for k in keywords {
                self.compile_expr(&k.value)?;
            }
            let names = keywords
                .iter()
                .map(|k| Constant::Str(k.arg.as_ref().map_or(String::new(), |a| a.to_string())))
                .collect();
            self.load_const(Constant::Tuple(names));
            self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n as u32);
        } else {
            for k in keywords {
                self.load_const(Constant::Str(k.arg.as_ref().map_or(String::new(), |a| a.to_string())));
                self.compile_expr(&k.value)?;
            }
            self.emit_arg(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// Pushes decorators (evaluated before the decorated definition).
    pub(super) fn compile_decorators(&mut self, decorators: &'a [Expr]) -> Result {
        for d in decorators {
            self.compile_expr(d)?;
        }
        Ok(())
    }

    /// Applies decorators pushed by [`Self::compile_decorators`], innermost first.
    pub(super) fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for d in decorators.iter().rev() {
            self.set_loc(d.range());
            self.emit_arg(Opcode::CALL, 0);
        }
    }
}
