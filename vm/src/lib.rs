//! ember-vm
